// The wall clock, in one place, so that tests can move it: TCP_TUTOR_TEST_NOW (an ISO 8601 time, or
// milliseconds since 1970) is read by tests only (the end-to-end test "comes back two days later"
// without sleeping). Everything that schedules or stamps an answer takes a `now` from here.
export type Clock = () => Date;

export function clockFrom(env: NodeJS.ProcessEnv): Clock {
	const fixed = env['TCP_TUTOR_TEST_NOW'];
	if (fixed === undefined || fixed === '') return () => new Date();
	const t = /^\d+$/.test(fixed) ? Number(fixed) : Date.parse(fixed);
	if (Number.isNaN(t)) return () => new Date();
	const start = Date.now();
	return () => new Date(t + (Date.now() - start)); // the fixed moment, then time runs on from it
}
