/**
 * Creates a console account from the command line: the way to make the first admin.
 *
 *   npm run user:create -- --email ada@example.org --role admin [--name "Ada Lovelace"]
 *                          [--organisation <organisation name or id>]
 *
 * The password is asked for twice without echo, or read from the first line of stdin when stdin
 * is not a terminal (`printf '%s\n' "$PASSWORD" | npm run user:create -- …`). It is never a
 * command-line argument, where it would end up in shell history and process lists.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import {
  createUser,
  findUserByEmail,
  organisationNamed,
  passwordProblem,
  userFields,
  userProblem,
} from "../admin/index.js";
import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { migrateDb } from "../db/migrate.js";

const USAGE =
  "Usage: npm run user:create -- --email <email> --role <admin|reviewer|editor> [--name <name>] [--organisation <name or id>]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads a line from a terminal without showing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await askHidden("Password (at least 12 characters): ");
  const second = await askHidden("Password again: ");
  if (first !== second) fail("The two passwords are not the same. Nothing was created.");
  return first;
}

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string", default: "" },
    organisation: { type: "string", default: "" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const parsed = userFields.safeParse({
  email: values.email ?? "",
  name: values.name,
  role: values.role ?? "",
  organisationId: values.organisation,
});
if (!parsed.success)
  fail(
    `${parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("\n")}\n${USAGE}`,
  );
const problem = userProblem(parsed.data);
if (problem) fail(problem);

const config = readConfig(process.env);
const handle = openDb(config.databaseUrl, config.databaseAuthToken);
try {
  await migrateDb(handle.db);
  if (await findUserByEmail(handle.db, parsed.data.email))
    fail(`There is already an account for ${parsed.data.email}.`);
  if (parsed.data.organisationId) {
    const found = await organisationNamed(handle.db, parsed.data.organisationId);
    if (!found.ok) fail(`${found.message} Nothing was created.`);
    parsed.data.organisationId = found.id;
  }
  const password = await readPassword();
  const weak = passwordProblem(password, parsed.data.email);
  if (weak) fail(weak);
  const user = await createUser(handle.db, new Date(), null, { ...parsed.data, password });
  console.log(`Created ${user.role} ${user.email}. Sign in at /admin/login.`);
} catch (err) {
  fail(`Could not create the account: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  handle.close();
}
