package words

import (
	"slices"
	"strings"
	"testing"

	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
)

func TestUntranslated(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"隐藏单元数 600 超出范围：请使用 1 到 512 之间的整数。", nil},
		{"请使用 Adam、RMSProp 或 SGD", nil},
		{"细胞状态 c、隐藏状态 h、遗忘门 zᶠ、输入门 zⁱ、输出门 zᵒ、候选 z", nil},
		{"计数 aⁿXbⁿ，ln V，tanh，下载 PNG、CSV 和 JSON，PyTorch", nil},
		{"训练将需要 600 MiB 内存", nil},
		{"按 Train 开始训练", []string{"Train"}},
		{"Hidden units 隐藏单元", []string{"Hidden", "units"}},
		{"loss 损失 loss", []string{"loss"}}, // each word once
		{"lstm 不是 LSTM", []string{"lstm"}}, // terms as written
		{"Step inspector: 单步", []string{"Step", "inspector"}},
		{"1e-9 到 1e+9，h_t，UTF-8", []string{"UTF"}},
		{"Ünïcode café", []string{"code", "caf"}}, // accented Latin: its ASCII letters still show
		{"hₜ = zᵒ ⊙ tanh(cₜ)，abⁿ，Xᵢ", nil},
		{"Xb 与 bX", []string{"Xb", "bX"}},
	} {
		if got := Untranslated(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Untranslated(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestChineseHasNoEnglish: no zh-CN message has an English word outside the
// allowed terms, nor do the sentences this package builds in Chinese.
func TestChineseHasNoEnglish(t *testing.T) {
	for id, s := range zhCN {
		if w := Untranslated(s); len(w) > 0 {
			t.Errorf("zh-CN %s has English %q: %q", id, w, s)
		}
	}
	var built []string
	for _, s := range settings.All() {
		built = append(built, Label(ZhCN, s.Key), Range(ZhCN, s), Use(ZhCN, s), Bounds(ZhCN, s),
			OutOfRange(ZhCN, Label(ZhCN, s.Key), s, "600"), Empty(ZhCN, Label(ZhCN, s.Key), s))
	}
	_, err := lstm.NewNumberData("1, 2, x")
	msg, _ := Data(ZhCN, lstm.Numbers, err)
	built = append(built, msg, Config(ZhCN, &lstm.ConfigError{Key: lstm.KeyHidden, Problem: lstm.TooManyParams, Value: 512, Have: 3e6, Limit: 2e6}))
	for _, s := range built {
		if w := Untranslated(s); len(w) > 0 {
			t.Errorf("built in zh-CN with English %q: %q", w, s)
		}
	}
	// The checker does see English: the English catalogue fails it.
	if w := Untranslated(strings.Join(Tour(English, "rhyme"), " ")); len(w) < 10 {
		t.Errorf("the English tour has only %q as English words", w)
	}
}
