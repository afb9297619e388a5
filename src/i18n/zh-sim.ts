// The simulator's own words in Chinese: why a state changed ("recv FIN") and what a note says about a
// segment ("segment dropped: no connection"), as the ladder and plain mode show them. TCP's names (SYN,
// FIN, TIME-WAIT, sysctls) stay as they are; a text not listed here is shown as the simulator wrote it.
export const ZH_SIM: Readonly<Record<string, string>> = {
	'listen': 'listen', 'connect': 'connect', 'close': 'close', 'shutdown': 'shutdown', 'abort': 'abort', 'exit': '进程退出',
	'crash': '主机崩溃', 'power off': '主机断电',
	'recv SYN': '收到 SYN', 'recv SYN,ACK': '收到 SYN,ACK', 'recv ACK': '收到 ACK', 'recv FIN': '收到 FIN', 'recv RST': '收到 RST',
	'recv ACK of FIN': '收到 FIN 的 ACK', 'recv ACK (SYN cookie)': '收到 ACK（SYN cookie）', 'recv SYN in TIME-WAIT': 'TIME-WAIT 中收到 SYN',
	'close with unread data': '带着未读数据 close', 'data after close': 'close 之后又来数据', 'listener closed': '监听 socket 已关闭',
	'accept queue full': '全连接队列满', 'port taken over by connect (tcp_tw_reuse)': '端口被 connect 接管（tcp_tw_reuse）',
	'timer time-wait': 'time-wait 定时器到期', 'timer fin-wait-2': 'fin-wait-2 定时器到期',
	'timer retransmit: gave up': '重传定时器：放弃', 'timer keepalive: no answer': 'keepalive 定时器：无应答',
	'SYN cookie sent': '发出 SYN cookie', 'SYN cookie accepted': '接受 SYN cookie',
	'no connection': '没有对应的连接', 'outside the receive window': '在接收窗口之外',
	'a copy of what already arrived (ACKed again)': '已经收到过的数据（再确认一次）', 'SYN queue full': '半连接队列满',
	'accept queue full (ACK ignored)': '全连接队列满（忽略 ACK）', 'accept queue full (tcp_abort_on_overflow: reset)': '全连接队列满（tcp_abort_on_overflow：RST）',
};

/** A text of the simulator in Chinese: a listed one, or "segment dropped: REASON" with its reason. */
export function zhSim(text: string): string {
	const own = ZH_SIM[text];
	if (own !== undefined) return own;
	const dropped = /^segment dropped: (.*)$/.exec(text);
	return dropped ? `报文段被丢弃：${zhSim(dropped[1]!)}` : text;
}
