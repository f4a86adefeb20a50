/** The curation console's building blocks, for entry points (Node server, Worker, CLI). */
export {
  type DailyJobsOptions,
  type DailyJobsResult,
  runDailyJobs,
  startDailyScheduler,
} from "./daily-jobs.js";
export {
  lookupOrganisation,
  type OrganisationLookup,
  organisationNamed,
} from "./organisation-lookup.js";
export type { OutgoingMessage, Sender } from "./outbox.js";
export { hashPassword, passwordProblem } from "./password.js";
export {
  createUser,
  findUserByEmail,
  listOrganisations,
  userFields,
  userProblem,
} from "./users.js";
