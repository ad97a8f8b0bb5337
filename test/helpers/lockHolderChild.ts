/**
 * Child process for the data lock test (bundled to plain JS by the test, run with `node`): takes
 * the real lock on `argv[2]`, prints "held", keeps it for `argv[3]` ms, writes `child-done`, then lets go.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDataLock } from '../../src/main/core/dataLock'

const [dir, ms] = [process.argv[2]!, Number(process.argv[3])]
void createDataLock(dir).run(async () => {
  process.stdout.write('held\n')
  await new Promise((r) => setTimeout(r, ms))
  // Last thing inside the critical section: whoever gets the lock next must see this file.
  writeFileSync(join(dir, 'child-done'), 'done')
})
