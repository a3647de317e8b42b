// Setup file of the server test projects. They run without per-file isolation (importing the app for every file cost
// more CPU than the tests themselves), so one worker runs file after file in the same process. Each file starts from
// the environment the worker started with: a file that sets process.env for its own app leaves nothing behind.
const saved = ((globalThis as { __rapportEnv?: Record<string, string | undefined> }).__rapportEnv ??= { ...process.env });
for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
for (const [name, value] of Object.entries(saved)) if (value !== undefined && process.env[name] !== value) process.env[name] = value;
