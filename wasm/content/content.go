// Package content holds the playground's Chinese training texts and the
// order of the preset picker in each language, as data the page reads. The
// presets' names, their one-sentence notes and their guided tours are in
// the catalogue (wasm/words: PresetName, PresetAbout, Tour), in English and
// Chinese, keyed by the preset id. Pure Go.
package content

import (
	"lstmplayground/lstm"
	"lstmplayground/wasm/words"
)

// Preset is a built-in training text of this package. Its probe and prime
// are the page's defaults for a text (its start).
type Preset struct {
	// ID names the preset in a share link (share.State.Preset) and in the
	// catalogue (preset.<ID>.name, tour.<ID>.1 …).
	ID   string
	Mode lstm.Kind
	Text string
}

// Ids of this package's presets.
const (
	RhymeZh = "rhyme-zh" // 小星星 and 两只老虎
	PoemZh  = "poem-zh"  // five Tang poems
)

// Chinese returns the Chinese presets. Their ids differ from the English
// ones, so that a link names the same text in either language.
func Chinese() []Preset {
	return []Preset{
		{ID: RhymeZh, Mode: lstm.Text, Text: rhymes},
		{ID: PoemZh, Mode: lstm.Text, Text: poems},
	}
}

// Order returns the ids of all the presets (wasm/ui's and Chinese's) in the
// order of the preset picker in language l; the page starts with the first.
// Every preset is offered in both languages, so a link's preset works in
// either and the Chinese paragraph stays in English mode.
func Order(l words.Lang) []string {
	if l == words.ZhCN {
		return []string{RhymeZh, PoemZh, "chinese", "counting", "brackets", "sine", "rhyme", "poem", "gap"}
	}
	return []string{"rhyme", "poem", "counting", "brackets", "sine", "chinese", RhymeZh, PoemZh, "gap"}
}

// rhymes are two nursery songs every Chinese child sings, each sung twice as
// in class: 小星星 (the Chinese words to the tune of Twinkle, twinkle) and
// 两只老虎 (to the tune of Frère Jacques); traditional, public domain.
const rhymes = `一闪一闪亮晶晶，满天都是小星星。
挂在天上放光明，好像许多小眼睛。
一闪一闪亮晶晶，满天都是小星星。

一闪一闪亮晶晶，满天都是小星星。
挂在天上放光明，好像许多小眼睛。
一闪一闪亮晶晶，满天都是小星星。

两只老虎，两只老虎，跑得快，跑得快。
一只没有耳朵，一只没有尾巴，真奇怪！真奇怪！

两只老虎，两只老虎，跑得快，跑得快。
一只没有耳朵，一只没有尾巴，真奇怪！真奇怪！
`

// poems are five Tang quatrains of five characters a line, a couplet a
// line: 静夜思 (李白), 春晓 (孟浩然), 登鹳雀楼 (王之涣), 悯农 (李绅) and 江雪
// (柳宗元), all over a thousand years old.
const poems = `床前明月光，疑是地上霜。
举头望明月，低头思故乡。

春眠不觉晓，处处闻啼鸟。
夜来风雨声，花落知多少。

白日依山尽，黄河入海流。
欲穷千里目，更上一层楼。

锄禾日当午，汗滴禾下土。
谁知盘中餐，粒粒皆辛苦。

千山鸟飞绝，万径人踪灭。
孤舟蓑笠翁，独钓寒江雪。
`
