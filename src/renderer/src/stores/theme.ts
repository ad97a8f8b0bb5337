import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useSettingsStore } from './settings'

const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Chart colours per theme (axis text and grid), AA against each theme's panel. */
const CHART_COLOURS = {
  light: { text: '#374151', grid: '#e3e6ea', panel: '#ffffff' },
  dark: { text: '#d1d5db', grid: '#2f353d', panel: '#1e2228' },
} as const

/**
 * The theme on screen: the setting (system, light, dark), resolved against the OS preference,
 * which it follows live while the setting is "system".
 */
export const useThemeStore = defineStore('theme', () => {
  const settings = useSettingsStore()
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null
  const systemDark = ref(media?.matches ?? false)
  const resolved = computed<'light' | 'dark'>(() => {
    const t = settings.settings.theme
    return t === 'system' ? (systemDark.value ? 'dark' : 'light') : t
  })
  const chart = computed(() => CHART_COLOURS[resolved.value])

  /** Follows the OS preference; returns the function that stops following it. */
  function listen(): () => void {
    if (!media) return () => {}
    const onChange = (e: MediaQueryListEvent) => (systemDark.value = e.matches)
    media.addEventListener('change', onChange)
    return () => media.removeEventListener('change', onChange)
  }
  return { systemDark, resolved, chart, listen }
})
