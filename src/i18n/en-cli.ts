// English texts of the command line: --help, usage errors, and what list, progress, reset, check and
// translations print.
export const EN_CLI = {
	'cli.help': `tcp-tutor — learn how TCP connections open and close, one segment at a time

Usage
  tcp-tutor                    open the lesson menu
  tcp-tutor start LESSON       open one lesson (by id, e.g. handshake-letters)
  tcp-tutor list               list the lessons and your progress
  tcp-tutor trace FILE         run a scenario file and print its trace
  tcp-tutor explain FILE       explain a pcap or pcapng capture: connections, states, what each segment is
  tcp-tutor lab LESSON|FILE    run a lesson's calls on real sockets and compare the kernel's states with the simulator's
  tcp-tutor check [DIR...]     check lesson files against the simulator (default: the shipped ones)
  tcp-tutor review             review the questions due (those you missed come back sooner)
  tcp-tutor drill              an interview drill: mixed questions, a report by topic
  tcp-tutor progress           your progress: mastery by topic, due cards, missed most, streak
  tcp-tutor reset [LESSON]     forget your progress (asks first)
  tcp-tutor translations [DIR...]   what a translation still needs (new or changed English text)

Options
  --lang en|zh      the language (kept for next time; default: as chosen before, else LC_ALL, LC_MESSAGES, LANG)
  --plain           line-based mode (automatic when stdin or stdout is not a terminal)
  --seed N          fix the random ISNs; with start, begin a new attempt with this seed
  --restart         start the lesson over instead of resuming it
  --lessons DIR     also load the lessons in DIR (may be repeated)
  --no-color        no colours (also: NO_COLOR=1)
  --json            machine-readable output (list, trace, explain, lab, progress)
  --relative        trace: seq/ack relative to each side's ISN, as Wireshark shows them
  --absolute        explain: seq/ack as captured (default: relative to each side's ISN)
  --profile NAME    trace: run the scenario with this profile (linux or textbook)
  --seeds N         check: seeds to try per lesson (default 200)
  --minutes N       drill: ask until N minutes are up (default: 8 questions)
  --export FILE     progress: write your progress to FILE
  --import FILE     progress: merge progress from FILE (nothing is lost)
  --yes             reset: do not ask
  -h, --help        show this help
  -v, --version     show the version

Environment
  TCP_TUTOR_CONFIG_DIR   where progress is kept (default: ~/.config/tcp-tutor)
  NO_COLOR               no colours
  DEBUG                  show stack traces of internal errors

Exit codes: 0 done, 1 error, 2 bad usage or malformed input.`,
	'cli.seeHelp': '{message} See tcp-tutor --help.',
	'cli.unknownCommand': 'unknown command "{command}". Commands: {commands}. See tcp-tutor --help.',
	'cli.expects': '--{name} expects {what}, got {got}.{detail} See tcp-tutor --help.',
	'cli.got.nothing': 'nothing',
	'cli.got.dash': 'nothing (a value that starts with a dash is written --{name}=VALUE)',
	'cli.value.seed': 'a seed',
	'cli.detail.seed': ' A seed is a whole number from 0 to {max} (2^32−1); the same seed gives the same ISNs, so a run can be repeated.',
	'cli.value.seeds': 'the number of seeds to try per lesson',
	'cli.detail.seeds': ' It is a whole number from 1 to {max}.',
	'cli.value.profile': 'linux or textbook',
	'cli.value.lessons': 'a folder of lesson files',
	'cli.value.export': 'the file to write',
	'cli.value.import': 'the file to read',
	'cli.value.lang': 'en or zh',
	'cli.value.minutes': 'the minutes a drill lasts',
	'cli.detail.minutes': ' It is a whole number from 1 to {max}.',
	'cli.startNeedsOne': 'start needs one lesson id: tcp-tutor start LESSON (see tcp-tutor list)',
	'cli.practiceTakesNoLesson': '{command} takes no lesson: it asks across lessons. See tcp-tutor --help.',
	'cli.minutesForDrill': '--minutes is for drill: tcp-tutor drill --minutes N',
	'cli.traceNeedsOne': 'trace needs one scenario file: tcp-tutor trace FILE [--json] [--relative] [--seed N]',
	'cli.noLesson': 'no lesson "{ref}". See tcp-tutor list for the lessons.',
	'cli.noLessonReset': 'no lesson "{ref}". See tcp-tutor list.',
	'cli.resetAtMostOne': 'reset takes at most one lesson id',
	'cli.exportOrImport': 'use --export or --import, not both',
	'cli.skipped': 'Skipped a lesson: {message}',
	'cli.traceHead': '{file}: profile {profile}, seed {seed}, ISNs client {client} server {server}',
	'cli.traceRelative': ' (numbers relative to each connection\'s ISNs)',
	'list.status.notStarted': 'not started',
	'list.status.inProgress': 'in progress {answered}/{total}',
	'list.status.done': 'done, best {score}%',
	'list.status.started': 'started',
	'list.line': '{n}. {id}  {title} ({minutes} min) — {status}',
	'list.classic': 'Q: {question}',
	'list.done': '{done} of {total} lessons done.',
	'progress.written': 'Progress written to {file}.',
	'progress.couldNotWrite': 'Could not write {file}: {problem}.',
	'progress.imported': 'Imported {n} lesson(s) from {file}.',
	'progress.importedLeftOut': 'Imported {n} lesson(s) from {file}; left out: {dropped}.',
	'progress.alsoKept': 'Also kept, from lessons not loaded now: {ids}',
	'progress.accuracy': 'Accuracy at the first try: {items}',
	'progress.accuracyItem': '{field} {percent}% of {asked}',
	'progress.storedIn': 'Stored in {path}',
	'reset.askOne': 'Forget your progress in "{id}"? [y/N]',
	'reset.askAll': 'Forget ALL your progress? [y/N]',
	'reset.nothing': 'Nothing changed.',
	'reset.one': 'Progress in "{id}" forgotten.',
	'reset.all': 'All progress forgotten.',
	'check.long': 'Checking {lessons} lessons with {seeds} seeds (Ctrl+C stops)…',
	'check.long.1': 'Checking {lessons} lesson with {seeds} seeds (Ctrl+C stops)…',
	'check.problems': '{n} problem(s) in {dirs}.',
	'check.ok': '✓ {lessons} lesson(s) in {dirs}: every question has an answer for {seeds} seeds.',
	'check.translations': '✓ {n} translation(s): no key missing, unknown or stale; placeholders and glossary terms match.',
} as const;
