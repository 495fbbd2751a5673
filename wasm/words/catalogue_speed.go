package words

// The recurrent initialisation setting (lstm.KeyInit), in English; init
// adds it to en (its Chinese: catalogue_speed_zh.go). The page has no control for it: a link carries it
// and the class board names it when a run's differs from the class's.

var enSpeed = map[string]string{
	"label.init":             "Recurrent weights",
	"choice.init.glorot":     "Glorot uniform",
	"choice.init.orthogonal": "orthogonal",
}

func init() {
	for id, s := range enSpeed {
		en[id] = s
	}
}
