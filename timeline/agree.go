package timeline

// Agreement says whether the dates the sources of one event give agree:
// the consensus date (the finest all sources agree on, else the finest
// calendar unit holding them all), whether they agree, and, when they do
// not, the sides: groups of indexes into dates that agree among
// themselves. It is the rule the linker applies to a LinkedEvent, for
// events whose sources were gathered another way (by an editor's merge, or
// stored and linked earlier).
func Agreement(dates []Date) (consensusDate Date, agree bool, groups [][]int) {
	if len(dates) == 0 {
		return Date{}, true, nil
	}
	// An event many articles tell gives few distinct dates: the rule runs
	// on those, and each side takes every source giving one of its dates.
	var distinct []Date
	of := make([]int, len(dates)) // index into distinct
	at := map[Date]int{}
	for i, d := range dates {
		k, seen := at[d]
		if !seen || d.IsZero() {
			k = len(distinct)
			at[d] = k
			distinct = append(distinct, d)
		}
		of[i] = k
	}
	consensusDate, agree = consensus(distinct)
	if agree {
		return consensusDate, true, nil
	}
	for _, side := range sides(distinct) {
		in := map[int]bool{}
		for _, k := range side {
			in[k] = true
		}
		var g []int
		for i, k := range of {
			if in[k] {
				g = append(g, i)
			}
		}
		groups = append(groups, g)
	}
	return consensusDate, false, groups
}
