// Holds a write lock on a libSQL file database, as a CLI run beside the server would:
// `node tests/support/lock-holder.mjs file:path.db 500` prints "locked" once the lock is held,
// and commits and exits after 500 ms.
import { createClient } from "@libsql/client";

const [url, ms] = process.argv.slice(2);
const client = createClient({ url });
const tx = await client.transaction("write");
await tx.execute("update services set updated_at = updated_at where id = 'samaritans'");
console.log("locked");
setTimeout(async () => {
  await tx.commit();
  client.close();
}, Number(ms));
