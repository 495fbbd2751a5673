//go:build !nozh

package words

// The Chinese of "One update in slow motion" (catalogue_slowmo.go); init
// adds it to zhCN. Left out of the page's build (tag nozh).

var zhSlowmo = map[string]string{
	"cell.grad": "反向流动的梯度：{1}。",

	"slowmo.button":      "慢动作看一次更新",
	"slowmo.title":       "慢动作看一次更新",
	"slowmo.why.ready":   "立即做一次真实的更新（与“一次更新”按钮所做的相同），然后分 7 个编号阶段为你重放。",
	"slowmo.why.running": "请先暂停训练：慢动作要在模型静止时展示一次更新。",
	"slowmo.why.noModel": "还没有模型：请先选择训练文本。",
	"slowmo.waiting":     "正在进行更新…",
	"slowmo.failed":      "这次更新没有进行：{1}",
	"slowmo.prev":        "上一阶段",
	"slowmo.next":        "下一阶段",
	"slowmo.close":       "关闭",
	"slowmo.pos":         "重放第 {5} 次更新（已完成）· 第 {1} 阶段（共 {2} 个）· 第 {3} 步（共 {4} 步）",
	"slowmo.keys":        "键盘：← 和 → 每次移动一步；首页键和尾页键跳到开头和结尾；退出键关闭。",
	"slowmo.stages":      "阶段",
	"slowmo.stage.1":     "1 窗口",
	"slowmo.stage.2":     "2 前向",
	"slowmo.stage.3":     "3 损失",
	"slowmo.stage.4":     "4 反向",
	"slowmo.stage.5":     "5 裁剪",
	"slowmo.stage.6":     "6 权重变化",
	"slowmo.stage.7":     "7 完成",
	"slowmo.window":      "窗口：每个读入的符号，下方是用来评分的下一个符号",

	"slowmo.cap.window":      "1 · 窗口。第 {1} 次更新已经完成：上方的更新计数已经显示它，页面上的模型就是这次更新之后的模型。这里按它的记录重放。它用训练文本中的 {2} 个符号训练。每一步，单元读入一个符号，并按它给下一个符号的概率评分。它从上一个窗口留下的状态 c、h 开始。",
	"slowmo.cap.windowNum":   "1 · 窗口。第 {1} 次更新已经完成：上方的更新计数已经显示它，页面上的模型就是这次更新之后的模型。这里按它的记录重放。它用训练数列中的 {2} 个数值训练。每一步，单元读入一个数值并预测下一个。它从上一个窗口留下的状态 c、h 开始。",
	"slowmo.cap.forward":     "2 · 前向，第 {1} 步（共 {2} 步）：单元读入 {3}。下一个符号是 {4}，模型给它的概率是 {5}，所以这一步的损失是 −log {6} = {7}。",
	"slowmo.cap.forwardNum":  "2 · 前向，第 {1} 步（共 {2} 步）：单元读入 {3}，预测 {4}；下一个数值是 {5}。这一步的损失（模型归一化单位下的平方误差）是 {6}。",
	"slowmo.cap.loss":        "3 · 这次更新的损失是 {1} 步损失的平均值：{2} ÷ {1} = {3}。训练就是让这个数变小。",
	"slowmo.cap.back":        "4 · 反向，第 {1} 步：损失的梯度到达这一步的状态。对单元 {2}：∂L/∂c = {3}，∂L/∂h = {4}；对第 {5} 层的全部单元：‖∂L/∂c‖ = {6}，‖∂L/∂h‖ = {7}。沿着 c，它传到前一步时只乘以遗忘门 zᶠ = {8}；沿着 h，它要经过权重和压缩函数。",
	"slowmo.cap.backRNN":     "4 · 反向，第 {1} 步：损失的梯度到达这一步的状态。对单元 {2}：∂L/∂h = {3}；对第 {4} 层的全部单元：‖∂L/∂h‖ = {5}。RNN 只有 h 能把它传回去，每一步都要经过 tanh 和权重。",
	"slowmo.cap.clipOff":     "5 · 裁剪：梯度裁剪已关闭，所以梯度（范数 ‖∇L‖ = {1}）原样交给优化器。",
	"slowmo.cap.clipNone":    "5 · 裁剪：梯度的范数 ‖∇L‖ = {1}，每个元素都在界限 {2} 之内：没有裁剪任何东西。",
	"slowmo.cap.clipNorm":    "5 · 裁剪：梯度的范数 ‖∇L‖ = {1} 超过界限 {2}，所以整个梯度按比例缩小到范数 {3}。",
	"slowmo.cap.clipElement": "5 · 裁剪：梯度的范数是 ‖∇L‖ = {1}。把每个元素限制在 ±{2} 之内，裁剪了其中 {3} 个；现在范数是 {4}。",
	"slowmo.cap.change":      "6 · 权重变化：优化器让每个权重沿梯度的反方向移动一点。相对于自身大小，{1} 变化最大：‖ΔW‖/‖W‖ = {2}；其中单个权重的最大变化是 {3}。",
	"slowmo.cap.changeNone":  "6 · 权重变化：没有权重移动。",
	"slowmo.cap.done":        "7 · 完成：这就是第 {2} 次更新的全部。打开慢动作时，更新计数就已从 {1} 变成 {2}；从那时起，页面上的模型就是这次更新之后的模型，和按“一次更新”按钮完全一样。",

	"slowmo.table.caption": "这次更新让每个权重矩阵移动了多少",
	"slowmo.table.matrix":  "矩阵",
	"slowmo.table.norm":    "‖W‖",
	"slowmo.table.delta":   "‖ΔW‖",
	"slowmo.table.rel":     "‖ΔW‖ / ‖W‖",
	"slowmo.table.max":     "最大的 |Δw|",
	"slowmo.matrix.wx":     "第 {1} 层 W（输入）",
	"slowmo.matrix.u":      "第 {1} 层 U（循环）",
	"slowmo.matrix.b":      "第 {1} 层 b（偏置）",
	"slowmo.matrix.wy":     "W′（输出）",
	"slowmo.matrix.by":     "b′（输出）",

	"slowmo.curve.loss":   "每一步的损失",
	"slowmo.curve.grad":   "反向时到达每一步的梯度（对数刻度）",
	"slowmo.curve.dh":     "‖∂L/∂h‖",
	"slowmo.curve.dc":     "‖∂L/∂c‖",
	"slowmo.curve.reach":  "只用最后一步的损失",
	"slowmo.curve.step":   "步",
	"slowmo.curve.mean":   "平均 {1}",
	"slowmo.curve.clip":   "梯度的范数 ‖∇L‖：裁剪之前和之后",
	"slowmo.curve.before": "之前",
	"slowmo.curve.after":  "之后",
	"slowmo.curve.limit":  "界限 {1}",
}

func init() {
	for id, s := range zhSlowmo {
		zhCN[id] = s
	}
}
