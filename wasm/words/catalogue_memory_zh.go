//go:build !nozh

package words

// The Chinese of the memory-gap task's messages and page sentences
// (catalogue_memory.go); init adds them to zhCN and pageZh. Left out of the
// page's build (tag nozh).

var zhMemory = map[string]string{
	"preset.gap.name":  "记忆间隔 a–a",
	"preset.gap.about": "每行是一个字母、一段短横和同一个字母：只有记忆才能说出最后那个字母。用“记忆间隔”下的滑块设定间隔，并对比 LSTM 与 RNN。",

	"tour.gap.1": "每行是一个字母、一段短横，然后又是同一个字母。先预测：读完最后一个短横，模型能说出那个字母吗？间隔里没有任何线索，只能靠记忆。",
	"tour.gap.2": "按“对比 LSTM 与 RNN”，看“记忆间隔：记起率与间隔”，它是在两个模型上实测的。然后移动间隔滑块再训练：每个模型在多长的间隔上就记不住了？",
	"tour.gap.3": "学习率为 0.01 时 RNN 会崩溃。在“另一个模型的学习率”中给它 0.001，再比较一次：结果取决于什么，本身就是结果的一部分。",

	"tour.rhyme.5": "按“对比 LSTM 与 RNN”：两个模型从同样的起点在同一文本上训练。先预测“损失赛跑”中哪条线降得更低；再看“梯度回传”：误差在每个模型中能往回传多远？",
	"tour.rhyme.6": "在“单元：各自在做什么”下的“干预”中：选 c 的一个单元，按“固定并比较”，看模型的哪些猜测变了。一个单元可能影响一整类字符。",
	"tour.rhyme.7": "最后试试记忆间隔预设：一个字母、一段短横、同一个字母。它的图表显示，随着间隔变长，每个模型多常记起那个字母，用的是你自己的模型。",

	"tour.rhyme-zh.5": "按“对比 LSTM 与 RNN”：两个模型从同样的起点在同一文本上训练。先预测“损失赛跑”中哪条线降得更低；再看“梯度回传”：误差在每个模型中能往回传多远？",
	"tour.rhyme-zh.6": "在“单元：各自在做什么”下的“干预”中：选 c 的一个单元，按“固定并比较”，看模型的哪些猜测变了。一个单元可能影响一整类字符。",
	"tour.rhyme-zh.7": "最后试试记忆间隔预设：一个字母、一段短横、同一个字母。它的图表显示，随着间隔变长，每个模型多常记起那个字母，用的是你自己的模型。",
}

// pageMemory is the Chinese of the page's own sentences of this file's
// parts, keyed by their English as the page writes them (words.Template).
var pageMemory = map[string]string{
	"Memory gap: recall against the gap": "记忆间隔：记起率与间隔",
	"Gap (dashes)":                       "间隔（短横数）",
	"gap (dashes)":                       "间隔（短横数）",
	"recall":                             "记起率",
	"Memory gap":                         "记忆间隔",
	"The other model's learning rate":    "另一个模型的学习率",
	"the same as this model's":           "与本模型相同",
	"Each model of a comparison can train at its own learning rate: the plain RNN often needs a smaller one.":                                                                                                                                                    "对比时每个模型可以用自己的学习率训练：普通 RNN 往往需要更小的学习率。",
	"How to read: each point is how often a model named the first letter after the last dash, on fresh lines with that gap (its likeliest guess); blue solid LSTM, orange dashed RNN. Move the slider to train on another gap: each gap you try adds its point.": "读法：每个点表示模型读完最后一个短横后说对第一个字母的比例，在该间隔的新文本行上测得（取它最可能的猜测）；蓝色实线为 LSTM，橙色虚线为 RNN。移动滑块即在另一个间隔上训练：每试一个间隔就多一个点。",
	"Train on the memory-gap text: the recall is measured as the models learn.":                                                                                                                                                                                  "在记忆间隔文本上训练：模型学习时会测量记起率。",
	"The LSTM recalled {1}% of the letters over a gap of {2} ({3} of {4}) at update {5}, at learning rate {6}.":                                                                                                                                                  "LSTM 在间隔 {2} 上记起了 {1}% 的字母（{4} 个中 {3} 个），第 {5} 次更新，学习率 {6}。",
	"The RNN recalled {1}% of the letters over a gap of {2} ({3} of {4}) at update {5}, at learning rate {6}.":                                                                                                                                                   "RNN 在间隔 {2} 上记起了 {1}% 的字母（{4} 个中 {3} 个），第 {5} 次更新，学习率 {6}。",
	"the memory; changes slowly; |c| up to {1}; colours per unit: ±{2} is each unit's largest |c|":                                                                                                                                                               "记忆；变化缓慢；|c| 最大 {1}；按单元着色：±{2} 是各单元自己的最大 |c|",
	"the memory; changes slowly; |c| up to {1}; colours to the {2}th percentile of |c|":                                                                                                                                                                          "记忆；变化缓慢；|c| 最大 {1}；颜色标尺取 |c| 的第 {2} 百分位数",
	"Each unit on its own scale, as in the c heatmap: ±{1} is its largest |c| over the probe.":                                                                                                                                                                   "与 c 热图一样，每个单元用自己的标尺：±{1} 是它在探针文本上的最大 |c|。",
	"One scale for all units at this step: ±{1}, the {2}th percentile of the sizes of its bars; longer bars are cut at the edge.":                                                                                                                                "这一步所有单元共用一个标尺：±{1}，即这一步各条长度的第 {2} 百分位数；更长的条在边缘截断。",
	"one for all units: the {1}th percentile of |c|":                                                                                                                                                                                                             "所有单元共用：|c| 的第 {1} 百分位数",
	"per unit: each unit's largest |c| is ±{1}":                                                                                                                                                                                                                  "按单元：各单元的最大 |c| 为 ±{1}",
	"Save Memory gap as PNG": "把记忆间隔保存为 PNG",
	"Colour scale of c":      "c 的颜色标尺",
	"At a gap of {1}, both letters seldom fit one training window of {2} steps (Sequence length): neither model gets a gradient that joins them.": "间隔为 {1} 时，两个字母很少落在同一个 {2} 步的训练窗口（序列长度）里：两个模型都得不到把它们连起来的梯度。",
	"Chance is {1}%: one of {2} letters.": "随机猜测为 {1}%：{2} 个字母之一。",
}

func init() {
	for id, s := range zhMemory {
		zhCN[id] = s
	}
	for e, z := range pageMemory {
		pageZh[e] = z
	}
}
