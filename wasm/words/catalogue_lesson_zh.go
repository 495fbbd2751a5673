//go:build !nozh

package words

// The Chinese of the cell figure and the lesson (catalogue_lesson.go); init
// adds it to zhCN. Left out of the page's build (tag nozh).

// zhLesson is the Chinese of the cell figure, the lesson and enLesson.
var zhLesson = map[string]string{
	"cell.title.lstm": "LSTM 细胞，单元 {1}，第 {2} 步",
	"cell.title.rnn":  "RNN 细胞，单元 {1}，第 {2} 步",
	"cell.reads":      "读入 {1}",

	"cell.stage.forget": "遗忘阶段",
	"cell.stage.select": "选择记忆阶段",
	"cell.stage.output": "输出阶段",

	"cell.part.x":      "输入",
	"cell.part.hprev":  "上一步的隐藏状态",
	"cell.part.concat": "输入与上一步的隐藏状态拼接在一起",
	"cell.part.cprev":  "上一步的细胞状态",
	"cell.part.zf":     "遗忘门 zᶠ",
	"cell.part.zi":     "输入门 zⁱ（选择记忆）",
	"cell.part.z":      "候选 z",
	"cell.part.zo":     "输出门 zᵒ",
	"cell.part.kept":   "遗忘阶段保留的部分",
	"cell.part.write":  "选择记忆阶段写入的部分",
	"cell.part.c":      "细胞状态",
	"cell.part.tanhc":  "压缩后的细胞状态",
	"cell.part.h":      "隐藏状态",
	"cell.part.y":      "预测",
	"cell.part.rnn":    "RNN 的更新",

	"cell.range.gate":    "σ，介于 0 与 1 之间",
	"cell.range.tanh":    "tanh，介于 −1 与 1 之间",
	"cell.legend.signed": "h、z、tanh c",
	"cell.legend.c":      "c",
	"cell.legend.gate":   "门、概率",
	"cell.legend.p":      "概率",
	"cell.describe":      "{1}：{2}。",

	"lesson.progress": "第 {1} 章，共 {2} 章",
	"lesson.confirm":  "模型与你的判断一致。",
	"lesson.refute":   "模型做了另一件事。",

	"lesson.rnn.title": "普通 RNN 读一段短文本",
	"lesson.rnn.text1": "循环网络一次读一个符号。每读一个符号，它就根据这个符号和自己上一步的 h 更新一个向量，即隐藏状态 h；它向后传递的只有 h。",
	"lesson.rnn.text2": "它用 h 猜下一个符号：y = softmax(W h) 给每个符号一个概率。在儿歌上训练它，看损失随着猜测变准而下降。",
	"lesson.rnn.q":     "时间光标在第 {1} 步，读入 {2}。模型最可能的下一个符号，会是真正接下来的那个吗？",
	"lesson.rnn.a0":    "会，它会猜对",
	"lesson.rnn.a1":    "不会，它会猜错",
	"lesson.rnn.why0":  "第 {1} 步之后，模型的首选是 {2}，文本接下来是 {3}：它猜对了。",
	"lesson.rnn.why1":  "第 {1} 步之后，模型的首选是 {2}，但文本接下来是 {3}：它猜错了。",
	"lesson.rnn.none":  "光标之后没有下一个符号，或者还没有猜测：先训练，再把光标放到更早的一步。",

	"lesson.states.title":   "两个状态：c 慢，h 快",
	"lesson.states.text1":   "LSTM 在步与步之间传递两个向量：细胞状态 c 是它的长期记忆，隐藏状态 h 交给预测和下一步。",
	"lesson.states.text2":   "文章的第一个论断：c 从一步到下一步变化很小，h 变化很大。在你的模型上比较它们，每个单元都以它在探针文本上用到的范围来衡量。",
	"lesson.states.explain": "每步变化占该单元在探针文本上自身范围的比例：原始的 |Δc| 与 |Δh| 无法直接比较，因为 c 没有界限，而 h 始终在 −1 与 1 之间。",
	"lesson.states.mean":    "各单元平均：c 每步移动其范围的 {1}，h 移动 {2}。",
	"lesson.states.q":       "单元 {1}，从第 {2} 步到第 {3} 步：相对于各自的范围，c 和 h 哪个变化更大？",
	"lesson.states.a0":      "c",
	"lesson.states.a1":      "h",
	"lesson.states.why0":    "c 变化更大：其范围的 {1}，h 为其范围的 {2}。",
	"lesson.states.why1":    "h 变化更大：其范围的 {2}，c 为其范围的 {1}。",
	"lesson.states.none":    "把光标放在后面还有一步的位置，并选一个 c 和 h 在探针文本上有变化的单元。",

	"lesson.gates.title": "四个 z",
	"lesson.gates.text1": "每一步，LSTM 把拼接后的向量 [x; h] 乘以四个权重矩阵。其中三个结果经过 σ，成为介于 0 与 1 之间的门：遗忘门 zᶠ、输入门 zⁱ（选择记忆）、输出门 zᵒ。第四个经过 tanh，成为介于 −1 与 1 之间的候选 z。",
	"lesson.gates.text2": "门接近 1 时让信号通过，接近 0 时把它关掉。细胞图用这一步的数值画出全部四个：指向或聚焦某个部分，可看到它的公式。",
	"lesson.gates.q":     "光标读入 {1}。探针文本中下一次出现 {1} 时，单元 {2} 的遗忘门会接近 0（遗忘）还是接近 1（保留）？",
	"lesson.gates.a0":    "接近 0：它遗忘",
	"lesson.gates.a1":    "接近 1：它保留",
	"lesson.gates.why0":  "在第 {1} 步，即下一个 {2}，遗忘门 zᶠ 为 {3}：小于二分之一，所以该单元放掉了大部分 c。",
	"lesson.gates.why1":  "在第 {1} 步，即下一个 {2}，遗忘门 zᶠ 为 {3}：大于二分之一，所以该单元保留了大部分 c。",
	"lesson.gates.none":  "光标之后 {1} 不再出现：把光标移到更早的一个 {1}。",

	"lesson.stages.title": "三个阶段",
	"lesson.stages.text1": "细胞的每一步有三个阶段。遗忘阶段：旧的细胞状态乘以 zᶠ。选择记忆阶段：zⁱ 决定把多少候选 z 加进来。输出阶段：tanh(c) 乘以 zᵒ，得到 h。",
	"lesson.stages.text2": "细胞图为三个阶段涂上底色；三阶段图逐个单元比较这一步保留了多少、写入了多少。",
	"lesson.stages.q":     "第 {1} 步，单元 {2}：遗忘阶段保留的 |zᶠ ⊙ cᵗ⁻¹| 与选择记忆阶段写入的 |zⁱ ⊙ z|，哪个更大？",
	"lesson.stages.a0":    "保留的",
	"lesson.stages.a1":    "写入的",
	"lesson.stages.why0":  "保留 {1}，写入 {2}：这一步旧的记忆比新的内容更重。",
	"lesson.stages.why1":  "保留 {1}，写入 {2}：这一步新的内容比旧的记忆更重。",
	"lesson.stages.none":  "把光标放在 LSTM 探针文本的某一步上。",

	"lesson.memory.title": "它为什么记得住",
	"lesson.memory.text1": "细胞状态通过乘法和加法更新，而不是每一步都经过 tanh 压缩，所以一个值以及训练它的误差信号能传得很远。在普通 RNN 中，这个信号每一步都在缩小：梯度消失。",
	"lesson.memory.text2": "在记忆间隔任务上检验它：一个字母、一段短横、同一个字母；只有记忆才能说出最后那个字母。两个模型在同一文本上训练，“记忆间隔”图显示每个模型多常记起那个字母，是在你的模型上测得的；损失赛跑和梯度回传显示它们怎样学习。",
	"lesson.memory.text3": "你看到的结果取决于学习率以及每个模型训练多久。在我们的运行中，间隔为 20、默认学习率 0.01 时，LSTM 在大约 20,000 次更新后记起了 90% 以上的字母，而 RNN 即使训练 100,000 次更新也一个都没记起：它的 h 停在 ±1。在“对比”下给 RNN 它自己的学习率 0.001 后，RNN 也记起了 90% 以上，但要大约 40,000 次更新，而且不太稳定。两个模型都学不会放不进一个训练窗口（序列长度）的间隔。所以公平的结论更窄：LSTM 需要的调参更少，学会记忆也更早。",
	"lesson.memory.q":     "间隔 {1} 个短横时，LSTM 和 RNN 哪个更常记起第一个字母？",
	"lesson.memory.a0":    "LSTM",
	"lesson.memory.a1":    "RNN",
	"lesson.memory.why0":  "间隔 {1} 时，LSTM 记起了 {2} 的字母（{4} 个中 {3} 个），RNN 为 {5}（{7} 个中 {6} 个）。",
	"lesson.memory.why1":  "间隔 {1} 时，RNN 记起了 {5} 的字母（{7} 个中 {6} 个），LSTM 为 {2}（{4} 个中 {3} 个）。",
	"lesson.memory.tie":   "间隔 {1} 时，两者都记起了 {2} 的字母：多训练一会儿，或者换一个间隔。",
	"lesson.memory.none":  "先在记忆间隔任务上训练两个模型：还没有可比较的记忆结果。",

	"cellui.title":       "LSTM 细胞",
	"cellui.title.rnn":   "RNN 细胞",
	"cellui.how":         "读图方法：时间光标下的单元和步，每个部分都标有符号和数值；颜色和线宽按热图的色标表示数值大小。指向某个部分，或在下面的列表中聚焦它，可看到带数字的公式。",
	"cellui.empty":       "先训练模型片刻：细胞图会用时间光标所在那一步的数值画出。",
	"cellui.parts":       "细胞的各个部分",
	"cellui.play":        "播放",
	"cellui.pause":       "暂停",
	"cellui.speed":       "速度",
	"cellui.speed.slow":  "每 2 秒 1 步",
	"cellui.speed.class": "每秒 1 步",
	"cellui.speed.fast":  "每秒 3 步",
	"cellui.svg":         "下载 SVG",
	"cellui.png":         "下载 PNG",
	"cellui.other":       "另一个模型，同一单元、同一步",
	"cellui.eqhint":      "指向或聚焦细胞的某个部分，可看到它的公式。",

	"lessonui.button":  "课程",
	"lessonui.region":  "课程",
	"lessonui.back":    "上一章",
	"lessonui.next":    "下一章",
	"lessonui.leave":   "离开课程",
	"lessonui.link":    "本章链接",
	"lessonui.check":   "用模型验证",
	"lessonui.ask":     "你的预测",
	"lessonui.pick":    "先选一个答案，再移动时间光标或继续训练，然后验证。",
	"lessonui.setup":   "本章会训练一个新模型：按训练，然后回到这个问题。",
	"lessonui.gapnote": "现在两个模型都在记忆间隔文本上训练。移动“记忆间隔”下的间隔滑块再训练：每试一个间隔就多一个点。在“对比”下给另一个模型设定它自己的学习率，看看结果取决于什么。",
}

func init() {
	for id, s := range zhLesson {
		zhCN[id] = s
	}
}
