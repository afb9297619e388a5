// 命令行的简体中文文本：--help、用法错误，以及 list、progress、reset、check、translations 的输出。
import type {PartTranslation} from './en.js';
import type {EN_CLI} from './en-cli.js';

export const ZH_CLI: PartTranslation<typeof EN_CLI> = {
	'cli.help': `tcp-tutor — 一个报文段一个报文段地学 TCP 连接的建立与关闭

用法
  tcp-tutor                    打开课程菜单
  tcp-tutor start LESSON       打开一课（按 id，例如 handshake-letters）
  tcp-tutor list               列出课程和你的进度
  tcp-tutor trace FILE         运行一个场景文件并打印它的 trace
  tcp-tutor explain FILE       解读一个 pcap 或 pcapng 抓包：有哪些连接、两端的状态、每个报文段是什么
  tcp-tutor lab LESSON|FILE    在真实 socket 上执行一课里的调用，把内核里的状态和模拟器的预测对照
  tcp-tutor check [DIR...]     用模拟器检查课程文件（默认检查自带的课程）
  tcp-tutor review             复习到期的题目（答错过的会更早回来）
  tcp-tutor drill              面试练习：混合出题，最后按主题给出报告
  tcp-tutor progress           查看你的进度：各主题的掌握情况、到期的卡片、最常答错的题、连续练习天数
  tcp-tutor reset [LESSON]     清除进度（会先询问）
  tcp-tutor translations [DIR...]   翻译还缺什么（新增或改动过的英文原文）

选项
  --lang en|zh      界面语言（会记住；默认用上次的选择，否则看 LC_ALL、LC_MESSAGES、LANG）
  --plain           纯文本逐行模式（stdin 或 stdout 不是终端时自动使用）
  --seed N          固定随机的 ISN；和 start 一起用时，用这个 seed 重新开始
  --restart         从头开始这一课，而不是接着上次
  --lessons DIR     同时加载 DIR 里的课程（可重复）
  --no-color        不用颜色（也可以设 NO_COLOR=1）
  --json            输出机器可读的格式（list、trace、explain、lab、progress）
  --relative        trace：seq/ack 用相对每端 ISN 的值，和 Wireshark 一样
  --absolute        explain：seq/ack 用抓包里的原值（默认用相对每端 ISN 的值）
  --profile NAME    trace：用这个 profile 运行场景（linux 或 textbook）
  --seeds N         check：每课尝试多少个 seed（默认 200）
  --minutes N       drill：一直出题，直到 N 分钟用完（默认出 8 道题）
  --export FILE     progress：把进度写到 FILE
  --import FILE     progress：从 FILE 合并进度（不会丢失任何记录）
  --yes             reset：不询问
  -h, --help        显示本帮助
  -v, --version     显示版本

环境变量
  TCP_TUTOR_CONFIG_DIR   进度保存的位置（默认 ~/.config/tcp-tutor）
  NO_COLOR               不用颜色
  DEBUG                  显示内部错误的调用栈

退出码：0 完成，1 出错，2 用法错误或输入格式有误。`,
	'cli.seeHelp': '{message} 见 tcp-tutor --help。',
	'cli.unknownCommand': '未知命令“{command}”。可用命令：{commands}。见 tcp-tutor --help。',
	'cli.expects': '--{name} 需要{what}，收到的是 {got}。{detail}见 tcp-tutor --help。',
	'cli.got.nothing': '空值',
	'cli.got.dash': '空值（以短横线开头的值要写成 --{name}=VALUE）',
	'cli.value.seed': '一个 seed',
	'cli.detail.seed': 'seed 是 0 到 {max}（2^32−1）之间的整数；同一个 seed 得到同样的 ISN，运行可以重现。',
	'cli.value.seeds': '每课要尝试的 seed 个数',
	'cli.detail.seeds': '它是 1 到 {max} 之间的整数。',
	'cli.value.profile': 'linux 或 textbook',
	'cli.value.lessons': '一个放课程文件的目录',
	'cli.value.export': '要写入的文件',
	'cli.value.import': '要读取的文件',
	'cli.value.lang': 'en 或 zh',
	'cli.value.minutes': '一次练习持续的分钟数',
	'cli.detail.minutes': '它是 1 到 {max} 之间的整数。',
	'cli.startNeedsOne': 'start 需要一个课程 id：tcp-tutor start LESSON（见 tcp-tutor list）',
	'cli.practiceTakesNoLesson': '{command} 不接受课程参数：它会跨课程出题。见 tcp-tutor --help。',
	'cli.minutesForDrill': '--minutes 只用于 drill：tcp-tutor drill --minutes N',
	'cli.traceNeedsOne': 'trace 需要一个场景文件：tcp-tutor trace FILE [--json] [--relative] [--seed N]',
	'cli.noLesson': '没有课程“{ref}”。课程列表见 tcp-tutor list。',
	'cli.noLessonReset': '没有课程“{ref}”。见 tcp-tutor list。',
	'cli.resetAtMostOne': 'reset 最多接受一个课程 id',
	'cli.exportOrImport': '--export 和 --import 只能用一个',
	'cli.skipped': '跳过了一课：{message}',
	'cli.traceHead': '{file}：profile {profile}，seed {seed}，ISN：客户端 {client}，服务器 {server}',
	'cli.traceRelative': '（序号相对每个连接的 ISN）',
	'list.status.notStarted': '未开始',
	'list.status.inProgress': '进行中 {answered}/{total}',
	'list.status.done': '已完成，最高 {score}%',
	'list.status.started': '已开始',
	'list.line': '{n}. {id}  {title}（{minutes} 分钟）— {status}',
	'list.classic': '面试题：{question}',
	'list.done': '已完成 {done}/{total} 课。',
	'progress.written': '进度已写入 {file}。',
	'progress.couldNotWrite': '无法写入 {file}：{problem}。',
	'progress.imported': '从 {file} 导入了 {n} 课的进度。',
	'progress.importedLeftOut': '从 {file} 导入了 {n} 课的进度；未导入：{dropped}。',
	'progress.alsoKept': '另外保留了当前未加载课程的进度：{ids}',
	'progress.accuracy': '一次答对率：{items}',
	'progress.accuracyItem': '{field} {percent}%（共 {asked} 次）',
	'progress.storedIn': '保存在 {path}',
	'reset.askOne': '清除“{id}”的进度？[y/N]',
	'reset.askAll': '清除全部进度？[y/N]',
	'reset.nothing': '没有做任何改动。',
	'reset.one': '已清除“{id}”的进度。',
	'reset.all': '已清除全部进度。',
	'check.long': '正在用 {seeds} 个 seed 检查 {lessons} 课（Ctrl+C 停止）…',
	'check.problems': '{dirs} 中有 {n} 个问题。',
	'check.ok': '✓ {dirs} 中的 {lessons} 课：每道题在 {seeds} 个 seed 下都有答案。',
	'check.translations': '✓ {n} 个翻译文件：没有缺失、多余或过期的键；占位符和术语都一致。',
};
