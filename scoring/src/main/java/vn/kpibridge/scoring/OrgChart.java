package vn.kpibridge.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The unit tree ("cơ quan, đơn vị" and their sub-units) used to score bottom-up: the head of a
 * unit evaluates its deputies and staff, the head of the parent unit evaluates the heads of its
 * child units (seed 002 II.3), so a leader's term d (seed 002 III.4.2) needs the child units first.
 */
public final class OrgChart {
    private final Map<String, OrgUnit> units = new LinkedHashMap<>();
    private final Map<String, List<OrgUnit>> children = new HashMap<>();
    private final List<OrgUnit> roots = new ArrayList<>();

    /**
     * @param units every unit once; parents before or after children, any order
     * @throws IllegalArgumentException on a duplicate code, an unknown parent or a cycle, naming the
     *     unit
     */
    public OrgChart(List<OrgUnit> units) {
        for (OrgUnit u : units) {
            if (this.units.put(u.code(), u) != null) {
                throw new IllegalArgumentException("unit " + u.code() + " is listed twice");
            }
        }
        for (OrgUnit u : units) {
            if (u.parentCode() == null) {
                roots.add(u);
            } else if (!this.units.containsKey(u.parentCode())) {
                throw new IllegalArgumentException("unit " + u.code() + ": parent unit " + u.parentCode() + " is not listed");
            } else {
                children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
            }
        }
        for (OrgUnit u : units) {
            Set<String> seen = new HashSet<>();
            for (OrgUnit p = u; p != null; p = p.parentCode() == null ? null : this.units.get(p.parentCode())) {
                if (!seen.add(p.code())) {
                    throw new IllegalArgumentException("unit " + u.code() + ": the parent chain loops through " + p.code());
                }
            }
        }
    }

    /** @return every unit, in the given order. */
    public List<OrgUnit> units() {
        return List.copyOf(units.values());
    }

    /** @return the unit with this code, if listed. */
    public Optional<OrgUnit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** @return the child units of {@code code}, in the given order; empty for a leaf. */
    public List<OrgUnit> children(String code) {
        return Collections.unmodifiableList(children.getOrDefault(code, List.of()));
    }

    /** @return the units without a parent. */
    public List<OrgUnit> roots() {
        return Collections.unmodifiableList(roots);
    }
}
