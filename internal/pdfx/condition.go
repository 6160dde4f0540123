package pdfx

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ICCRegistry is the registry of characterization data that PDF/X output
// intents name: the ICC's.
const ICCRegistry = "http://www.color.org"

// OutputCondition is the printing condition a press file is made for:
// its PDF/X output intent.
type OutputCondition struct {
	// Identifier is the OutputConditionIdentifier: the reference name in
	// the registry ("FOGRA39", "JC200103"), or "Custom".
	Identifier string
	// Condition is a short human-readable name (OutputCondition).
	Condition string
	// Registry is the RegistryName, ICCRegistry for a registered
	// characterization; "" for a custom one.
	Registry string
	// Info is a human-readable description (Info); PDF/X requires it
	// when the condition is not a registered one.
	Info string
	// Profile is the ICC output profile of the condition
	// (DestOutputProfile). PDF/X-1a needs none for a registered
	// characterization, and a custom condition must have one.
	Profile []byte
}

// conditions are the registered characterizations loa knows by name, for
// [print] output_condition. The identifiers are the reference names of
// the ICC Characterization Data Registry.
var conditions = []struct {
	names []string // what a configuration may say, lower case
	c     OutputCondition
}{
	{[]string{"fogra39", "fogra39l", "iso coated v2", "coated fogra39"}, OutputCondition{
		Identifier: "FOGRA39", Condition: "Coated FOGRA39", Registry: ICCRegistry,
		Info: "Coated FOGRA39 (ISO 12647-2:2004)",
	}},
	{[]string{"jc200103", "japan color 2001 coated", "japancolor2001coated"}, OutputCondition{
		Identifier: "JC200103", Condition: "Japan Color 2001 Coated", Registry: ICCRegistry,
		Info: "Japan Color 2001 Coated (ISO 12647-2:2004)",
	}},
	{[]string{"fogra29", "fogra29l", "iso uncoated", "uncoated fogra29"}, OutputCondition{
		Identifier: "FOGRA29", Condition: "Uncoated FOGRA29", Registry: ICCRegistry,
		Info: "Uncoated FOGRA29 (ISO 12647-2:2004)",
	}},
	{[]string{"fogra51", "pso coated v3"}, OutputCondition{
		Identifier: "FOGRA51", Condition: "PSO Coated v3", Registry: ICCRegistry,
		Info: "PSO Coated v3 (FOGRA51, ISO 12647-2:2013)",
	}},
	{[]string{"fogra52", "pso uncoated v3"}, OutputCondition{
		Identifier: "FOGRA52", Condition: "PSO Uncoated v3", Registry: ICCRegistry,
		Info: "PSO Uncoated v3 (FOGRA52, ISO 12647-2:2013)",
	}},
}

// KnownCondition returns the registered condition of a name a
// configuration may give: "FOGRA39", "Japan Color 2001 Coated",
// "JC200103" (case does not matter). An unknown name is an error that
// lists the known ones.
func KnownCondition(name string) (OutputCondition, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	var known []string
	for _, k := range conditions {
		if slices.Contains(k.names, n) || strings.EqualFold(k.c.Identifier, n) {
			return k.c, nil
		}
		known = append(known, fmt.Sprintf("%s (%s)", k.c.Identifier, k.c.Condition))
	}
	return OutputCondition{}, fmt.Errorf("unknown output condition %q; loa knows %s, or give a custom one with its ICC profile",
		name, strings.Join(known, ", "))
}

// check reports an output intent PDF/X would reject.
func (c OutputCondition) check() error {
	switch {
	case c.Identifier == "":
		return errors.New("the output condition has no identifier (e.g. FOGRA39)")
	case c.Registry == "" && len(c.Profile) == 0:
		return fmt.Errorf("output condition %q is not a registered one: it needs its ICC profile", c.Identifier)
	case c.Registry == "" && c.Info == "":
		return fmt.Errorf("output condition %q is not a registered one: it needs an Info text", c.Identifier)
	case len(c.Profile) > 0 && !iccOutputCMYK(c.Profile):
		return fmt.Errorf("output condition %q: the profile is not an ICC output profile for CMYK", c.Identifier)
	}
	return nil
}

// iccOutputCMYK reports whether an ICC profile's header says it is an
// output ('prtr') profile of CMYK data, as PDF/X-1a requires.
func iccOutputCMYK(p []byte) bool {
	return len(p) >= 128 && string(p[12:16]) == "prtr" && string(p[16:20]) == "CMYK" && string(p[36:40]) == "acsp"
}
