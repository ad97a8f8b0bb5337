import { homedir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { userDataDir } from '../../../../src/main/core/accounts/userDataDir'

describe('userDataDir', () => {
  it('uses STOREGLANCE_HOME on every platform', () => {
    expect(userDataDir({ STOREGLANCE_HOME: '/data/sg', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/data/sg')
    expect(userDataDir({ STOREGLANCE_HOME: '/data/sg' }, 'darwin', '/Users/u')).toBe('/data/sg')
    expect(userDataDir({ STOREGLANCE_HOME: 'D:\\sg' }, 'win32', 'C:\\Users\\u')).toBe('D:\\sg')
  })

  it('Linux: $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/home/u/cfg' }, 'linux', '/home/u')).toBe('/home/u/cfg/Storeglance')
    expect(userDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Storeglance')
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
    expect(userDataDir({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/u')).toBe('/home/u/.config/Storeglance')
    expect(userDataDir({}, 'freebsd', '/home/u')).toBe('/home/u/.config/Storeglance')
  })

  it('macOS: ~/Library/Application Support', () => {
    expect(userDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Storeglance')
  })

  it('Windows: %APPDATA%, else ~\\AppData\\Roaming', () => {
    expect(userDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Storeglance',
    )
    expect(userDataDir({}, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\Storeglance')
  })

  it('defaults to the real environment', () => {
    expect(userDataDir()).toBe(userDataDir(process.env, process.platform, homedir()))
    expect(userDataDir({ ...process.env, STOREGLANCE_HOME: '/tmp/sg-x' })).toBe('/tmp/sg-x')
  })
})
