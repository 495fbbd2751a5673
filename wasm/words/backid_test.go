package words

import "testing"

// TestBackIDRoundTrip: every catalogue message the page writes in Chinese
// from an id comes back, after a switch to English and back, as it was: by
// its id (BackID), where going back by the English (Back, then Page) took
// another id's translation of the same English, shorter ("输入门 zⁱ（选择记忆）"
// became "输入门").
func TestBackIDRoundTrip(t *testing.T) {
	zi := Text(ZhCN, "cell.part.zi")
	if id, args, ok := BackID(ZhCN, zi); !ok || Text(English, id, args...) != Text(English, "cell.part.zi") || Text(ZhCN, id, args...) != zi {
		t.Errorf("BackID(%q) = %q %q %v", zi, id, args, ok)
	}
	in := []string{"12", "3.5", "甲", "−2", "7", "0.25", "x", "4", "9"}
	lost := 0
	for id := range zhCN {
		want := Text(ZhCN, id, in...)
		bid, args, ok := BackID(ZhCN, want)
		if !ok {
			lost++ // a message with numbers of its own, or the same as another's with other placeholders
			continue
		}
		if got := Text(ZhCN, bid, args...); got != want {
			t.Errorf("%s: %q came back as %q (%s %q)", id, want, got, bid, args)
		}
	}
	if lost > len(zhCN)/10 {
		t.Errorf("%d of %d Chinese messages found no id", lost, len(zhCN))
	}
	if _, _, ok := BackID(English, Text(English, "cell.part.zi")); ok {
		t.Error("BackID of an English message: several ids share it")
	}
	if _, _, ok := BackID(ZhCN, "这不是目录里的句子"); ok {
		t.Error("BackID of a sentence not in the catalogue")
	}
}
