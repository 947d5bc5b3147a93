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
	consensusDate, agree = consensus(dates)
	if !agree {
		groups = sides(dates)
	}
	return consensusDate, agree, groups
}
