/**
 * The one rule for a global shortcut, shared by settings.json's schema (main) and the Settings
 * form: one to four modifiers, then one key. A modifier is required, so a shortcut never takes a
 * plain key away from every other application. The pattern has no nested or overlapping repetition.
 */
export const ACCELERATOR_PATTERN =
  /^(?:(?:CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+){1,4}(?:[A-Z0-9]|F[1-9]|F1[0-9]|F2[0-4]|Space|Tab|Enter|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|[-=[\];',./`\\])$/

/** Longest accepted shortcut text. */
export const ACCELERATOR_MAX = 80

/** What is wrong with a shortcut typed by the user, or null when it is acceptable. */
export function acceleratorError(text: string): string | null {
  if (text.length > ACCELERATOR_MAX || !ACCELERATOR_PATTERN.test(text))
    return 'The shortcut must be modifiers and one key, e.g. CommandOrControl+Alt+G.'
  return null
}
