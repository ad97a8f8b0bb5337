/** The user's order of the stores, shared by the window, the CSV export and the CLI. */

/** Items in the user's order (ids in `order` first, as listed), the rest after in their own order. */
export function inUserOrder<T extends { id: string }>(items: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]))
  return items
    .map((item, i) => ({ item, key: rank.get(item.id) ?? order.length + i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item)
}
