package present

import (
	"lstmplayground/lstm"
	"lstmplayground/wasm/settings"
	"lstmplayground/wasm/words"
)

// This file has the names of the page's fields and alerts.

// Field names, exactly as a person sees them (DESIGN.md "Names a person
// sees"): the registry's labels (wasm/settings, wasm/words); the engine's
// Error.Field uses the same names.
var (
	FieldText        = label(settings.KeyText)
	FieldMode        = label(settings.KeyMode)
	FieldCell        = label(lstm.KeyCell)
	FieldHidden      = label(lstm.KeyHidden)
	FieldSeqLen      = label(lstm.KeySeqLen)
	FieldLR          = label(lstm.KeyLR)
	FieldOptimizer   = label(lstm.KeyOptimizer)
	FieldSeed        = label(lstm.KeySeed)
	FieldLayers      = label(lstm.KeyLayers)
	FieldClip        = label(lstm.KeyClip)
	FieldForgetBias  = label(lstm.KeyForgetBias)
	FieldProbe       = label(settings.KeyProbe)
	FieldPrime       = label(settings.KeyPrime)
	FieldLength      = label(settings.KeyLength)
	FieldTemperature = label(settings.KeyTemperature)
	FieldLoad        = label(words.KeyLoad)
	FieldMomentum    = label(lstm.KeyMomentum)
)

func label(key string) string { return words.Label(words.English, key) }

// FieldGenerate and FieldSave name the Generate button's and Save model's alerts.
const (
	FieldGenerate = "Generate"
	FieldSave     = "Save model"
)

// Field names of the keep-and-share alerts.
const (
	FieldShare = "Share link"
	FieldLink  = "link" // problems with the link or session the page was opened with
	FieldFresh = "Start fresh"
)

// Field names of the unit view's inputs and alerts.
const (
	FieldClampUnit  = "Clamp unit"
	FieldClampValue = "Clamp value"
)

// FieldTrain names the alert of a Train or Step the page refused.
const FieldTrain = "Train"

// FieldCompare names the alert of the comparison.
const FieldCompare = "Compare"

// FieldExport names the alert of the downloads.
const FieldExport = "Downloads"

// FieldWhenHidden names the setting "When this tab is hidden".
const FieldWhenHidden = "When this tab is hidden"
