package present

import (
	"slices"
	"strconv"
	"strings"
)

// ParseUnits reads a list of 1-based unit numbers ("3, 7 12") for a layer of H
// units, and returns them 0-based, without repeats, at most max of them.
func ParseUnits(s string, H, most int) ([]int, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' || r == '\t' })
	if len(fields) == 0 {
		return nil, &FieldError{Field: "Units", Message: "Type up to " + strconv.Itoa(most) + " unit numbers from 1 to " + strconv.Itoa(H) + ", such as 1, 2, 3."}
	}
	var out []int
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 || n > H {
			return nil, &FieldError{Field: "Units", Message: "Unit “" + f + "” does not exist: use whole numbers from 1 to " + strconv.Itoa(H) + "."}
		}
		if !slices.Contains(out, n-1) {
			out = append(out, n-1)
		}
	}
	if len(out) > most {
		return nil, &FieldError{Field: "Units", Message: "Pick at most " + strconv.Itoa(most) + " units; " + strconv.Itoa(len(out)) + " are listed."}
	}
	return out, nil
}

// FormatUnits writes 0-based units as the 1-based list a person types: "3, 7, 12".
func FormatUnits(units []int) string {
	parts := make([]string, len(units))
	for i, u := range units {
		parts[i] = strconv.Itoa(u + 1)
	}
	return strings.Join(parts, ", ")
}
