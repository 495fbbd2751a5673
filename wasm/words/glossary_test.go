package words

import (
	"regexp"
	"strings"
	"testing"
)

// glossary is the team's English–Chinese glossary: every message whose
// English has the term (a whole word or phrase, any case) has the Chinese
// term in its zh-CN text. Terms of the article: 细胞状态 (cell state),
// 隐藏状态 (hidden state), 遗忘门 zᶠ, 输入门 zⁱ (选择记忆), 输出门 zᵒ,
// 候选 z, the stages 遗忘阶段 / 选择记忆阶段 / 输出阶段, 梯度消失. Names
// (LSTM, RNN, Adam, RMSProp, SGD, PNG, CSV, JSON) stay as they are.
//
// The controls, for the page's own labels as they move into the catalogue:
// 训练/暂停 (Train/Pause), 一次更新 (One update), 重置 (Reset), 生成 (Generate),
// 保存模型 (Save model), 载入模型 (Load model), 分享链接 (Share link),
// 对比 LSTM 与 RNN (Compare LSTM and RNN), 预设文本 (preset), 导览 (tour),
// 下载 (download), 热图 (heatmap), 时间步查看器 (time-step inspector), 损失赛跑
// (Loss race), 梯度回传 (Gradient reach), 每步平均变化 (Mean change per
// step), 训练过程中的样本 (Samples along training), 训练快照 (Training
// snapshot), 单元：各自在做什么 (Units: what each one does), 干预
// (Intervene), 固定 (clamp), 语言 (Language).
var glossary = []struct{ en, zh string }{
	{"cell state", "细胞状态"},
	{"hidden state", "隐藏状态"},
	{"forget gate", "遗忘门"},
	{"forget-gate", "遗忘门"},
	{"input gate", "输入门"},
	{"output gate", "输出门"},
	{"candidate", "候选"},
	{"vanishing gradient", "梯度消失"},
	{"forget, select memory, output", "遗忘阶段、选择记忆阶段、输出阶段"},
	{"training text", "训练文本"},
	{"hidden units", "隐藏单元"},
	{"sequence length", "序列长度"},
	{"learning rate", "学习率"},
	{"optimizer", "优化器"},
	{"momentum", "动量"},
	{"gradient clip", "梯度裁剪"},
	{"seed", "随机种子"},
	{"temperature", "温度"},
	{"probe", "探针文本"},
	{"prime", "起始文本"},
	{"load model", "载入模型"},
	{"save model", "保存模型"},
	{"share link", "分享链接"},
	{"model file", "模型文件"},
	{"vocabulary", "字符表"},
	{"distinct characters", "不同字符"},
	{"parameters", "参数"},
	{"loss", "损失"},
	{"heatmaps", "热图"},
	{"generate", "生成"},
	{"train", "训练"},
	{"time-step inspector", "时间步查看器"},
	{"compare LSTM and RNN", "对比 LSTM 与 RNN"},
	{"loss race", "损失赛跑"},
	{"gradient reach", "梯度回传"},
	{"mean change per step", "每步平均变化"},
	{"samples along training", "训练过程中的样本"},
	{"training snapshot", "训练快照"},
	{"units: what each one does", "单元：各自在做什么"},
	{"intervene", "干预"},
	{"clamp", "固定"},
	{"update", "更新"},
	{"updates", "更新"},
	{"numbers mode", "数值模式"},
	{"nursery rhyme", "儿歌"},
	{"preset", "预设"},
	{"sine wave", "正弦波"},
	{"brackets", "括号"},
}

func TestGlossary(t *testing.T) {
	for _, g := range glossary {
		re := regexp.MustCompile(`(?i)(^|[^\pL-])` + regexp.QuoteMeta(g.en) + `($|[^\pL-])`)
		used := 0
		for id, e := range en {
			if !re.MatchString(e) {
				continue
			}
			used++
			if z := zhCN[id]; !strings.Contains(z, g.zh) {
				t.Errorf("%s: %q has %q, so its Chinese must have %q: %q", id, e, g.en, g.zh, z)
			}
		}
		if used == 0 && !strings.ContainsAny(g.en, " -") {
			t.Logf("glossary term %q is not used yet", g.en)
		}
	}
}

// TestChinesePunctuation: Chinese sentences use full-width punctuation
// (，。：；！？（）) beside Chinese characters; ASCII punctuation stays between
// numbers and symbols (0, 0.5, 1 and "(" as a character).
func TestChinesePunctuation(t *testing.T) {
	han := func(r rune) bool { return r >= 0x3400 && r <= 0x9fff }
	for id, s := range zhCN {
		rs := []rune(s)
		for i, r := range rs {
			if !strings.ContainsRune(",.:;!?()", r) {
				continue
			}
			if i > 0 && han(rs[i-1]) || i+1 < len(rs) && han(rs[i+1]) {
				t.Errorf("%s: ASCII %q beside a Chinese character: %q", id, r, s)
			}
		}
	}
}
