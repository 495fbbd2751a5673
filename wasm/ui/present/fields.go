package present

// This file has the names of the page's fields and alerts.

// Field names, exactly as a person sees them (DESIGN.md "Names a person
// sees"); the engine's Error.Field uses the same names.
const (
	FieldText        = "Training text"
	FieldMode        = "Mode"
	FieldCell        = "Cell"
	FieldHidden      = "Hidden units"
	FieldSeqLen      = "Sequence length"
	FieldLR          = "Learning rate"
	FieldOptimizer   = "Optimizer"
	FieldSeed        = "Seed"
	FieldLayers      = "Layers"
	FieldClip        = "Gradient clip"
	FieldForgetBias  = "Forget-gate bias"
	FieldProbe       = "Probe text"
	FieldPrime       = "Prime"
	FieldLength      = "Length"
	FieldTemperature = "Temperature"
	FieldLoad        = "Load model"
	FieldMomentum    = "Momentum"
)

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
