package claims

import (
	"strings"

	"github.com/factline/factline/claims/apperr"
)

// MaxStoryName is the longest a story's name may be.
const MaxStoryName = 64

// ValidStoryName checks a story's name, its handle in URLs and on the
// command line ("QZ8501"): 1-64 ASCII letters, digits, '.', '_' or '-',
// starting with a letter or digit. Names are compared whatever their case.
// A bad name fails with apperr.Invalid saying what a name may be.
func ValidStoryName(name string) error {
	ok := name != "" && len(name) <= MaxStoryName
	for i, r := range name {
		letterOrDigit := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !letterOrDigit && (i == 0 || !strings.ContainsRune("._-", r)) {
			ok = false
			break
		}
	}
	if !ok {
		return apperr.Errorf(apperr.Invalid, "a story name is 1-%d ASCII letters, digits, '.', '_' or '-', starting with a letter or digit (such as QZ8501), not %q", MaxStoryName, name)
	}
	return nil
}
