/** The save dialog of the comparison's CSV export: the user picks the file, main writes it. */
import { app, dialog, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import { writeFileAtomic } from '../core/fsAtomic'

/** Asks where to save `content` (suggested `suggestedName` in Documents) and writes it atomically; null when cancelled. */
export async function saveWithDialog(parent: BrowserWindow | null, suggestedName: string, content: string): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'CSV', extensions: ['csv'] }] }
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  await writeFileAtomic(result.filePath, content)
  return result.filePath
}
