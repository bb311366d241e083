/**
 * The small-group rule: figures about fewer than minGroup people are never shown, nor figures
 * from which such a few could be worked out by subtracting shown ones. Used wherever results
 * are broken down by group (the panel's surveys and member counts).
 */

/**
 * Which groups of a breakdown may be shown, given how many people each holds. A group of
 * fewer than minGroup is hidden, and so are further groups, the smallest first, until the
 * hidden groups together hold nobody or at least minGroup people: the whole is shown beside
 * them, so the whole minus the shown groups would otherwise give away the hidden few
 * (six members, five aged 30–49 and one 65+: everyone minus 30–49 is the one). `hide` marks
 * groups hidden from the start, whatever their size.
 */
export function shownGroups(sizes: number[], minGroup: number, hide: readonly boolean[] = []): boolean[] {
  const shown = sizes.map((n, i) => n >= minGroup && !hide[i]);
  let hidden = sizes.reduce((sum, n, i) => sum + (shown[i] ? 0 : n), 0);
  while (hidden > 0 && hidden < minGroup) {
    let smallest = -1;
    sizes.forEach((n, i) => {
      if (shown[i] && (smallest < 0 || n < sizes[smallest]!)) smallest = i;
    });
    if (smallest < 0) break;
    shown[smallest] = false;
    hidden += sizes[smallest]!;
  }
  return shown;
}

/**
 * The groups of several breakdowns of the same people (age band, district) that may be shown
 * when each breakdown can be asked for in turn. Each breakdown follows shownGroups(); then,
 * because a group of one breakdown and a group of another can nearly coincide, any two shown
 * groups from different breakdowns — or a group and what is left of the whole without one —
 * where one holds the other and the difference is 1 to minGroup − 1 people are not both
 * shown: the smaller group is hidden (with what shownGroups() then asks) until none is left.
 * Otherwise "30–49" minus "Norr", when everyone in Norr is 30–49, gives away the one who is not.
 *
 * `breakdowns[b][person]` is the group index of each person in breakdown b; `counts[b]` is
 * how many groups breakdown b has. Returns, per breakdown, which groups may be shown.
 */
export function shownBreakdowns(breakdowns: readonly (readonly number[])[], counts: readonly number[], minGroup: number): boolean[][] {
  const people = breakdowns[0]?.length ?? 0;
  const members = breakdowns.map((of, b) => Array.from({ length: counts[b]! }, (_, g) => new Set(of.flatMap((x, person) => (x === g ? [person] : [])))));
  const forced = counts.map((n) => Array<boolean>(n).fill(false));
  const shownOf = (b: number) => shownGroups(members[b]!.map((m) => m.size), minGroup, forced[b]);
  let shown = breakdowns.map((_, b) => shownOf(b));
  /** How many of `a` are not in `b`, for `a` a group or (outside) what is left without it. */
  const minus = (a: Set<number>, aOutside: boolean, b: Set<number>, bOutside: boolean) => {
    let n = 0;
    for (let p = 0; p < people; p++) if (a.has(p) !== aOutside && b.has(p) === bOutside) n++;
    return n;
  };
  const small = (n: number) => n > 0 && n < minGroup;
  for (;;) {
    let hide: [number, number] | undefined;
    search: for (let a = 0; a < breakdowns.length; a++) {
      for (let b = a + 1; b < breakdowns.length; b++) {
        for (let g = 0; g < counts[a]!; g++) {
          if (!shown[a]![g]) continue;
          for (let h = 0; h < counts[b]!; h++) {
            if (!shown[b]![h]) continue;
            const G = members[a]![g]!;
            const H = members[b]![h]!;
            for (const [gOut, hOut] of [[false, false], [true, false], [false, true]] as const) {
              const gNotH = minus(G, gOut, H, hOut);
              const hNotG = minus(H, hOut, G, gOut);
              if ((gNotH === 0 && small(hNotG)) || (hNotG === 0 && small(gNotH))) {
                hide = G.size <= H.size ? [a, g] : [b, h];
                break search;
              }
            }
          }
        }
      }
    }
    if (!hide) return shown;
    forced[hide[0]]![hide[1]] = true;
    shown = breakdowns.map((_, b) => shownOf(b));
  }
}
