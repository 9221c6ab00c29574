package vn.kpibridge.routes.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.connectors.mapping.IdentityMap;
import vn.kpibridge.routes.config.MappingRegistry;

/**
 * The unit tree that scopes reviewers, approvers and auditors to their unit and the units below
 * (issue 6 point 3), read from the identity maps of every source: each employee row names its
 * {@code unit_code} and, optionally, the {@code parent_unit} above it. A unit without a parent in
 * any file is a root. Loaded once at start-up with the mappings.
 */
@Component
public class UnitTree {
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, String> nameOf = new LinkedHashMap<>();

    /**
     * @param registry the loaded mappings
     * @throws IllegalStateException when two rows give a unit different parents, or the parents
     *     loop, naming the files and units (a wrong tree would show one unit's data to another)
     */
    public UnitTree(MappingRegistry registry) {
        Map<String, String> firstFile = new HashMap<>();
        for (MappingRegistry.SourceSetup s : registry.sources().values()) {
            IdentityMap ids = s.identities();
            for (Employee e : ids.bySourceUser().values()) {
                nameOf.putIfAbsent(e.unitCode(), e.unitName());
                if (e.parentUnitCode() == null) {
                    continue;
                }
                String before = parentOf.putIfAbsent(e.unitCode(), e.parentUnitCode());
                if (before != null && !before.equals(e.parentUnitCode())) {
                    throw new IllegalStateException("unit " + e.unitCode() + " has parent_unit " + before + " in "
                            + firstFile.get(e.unitCode()) + " but " + e.parentUnitCode() + " in " + ids.file());
                }
                firstFile.putIfAbsent(e.unitCode(), ids.file());
            }
        }
        for (String unit : parentOf.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            for (String u = unit; u != null; u = parentOf.get(u)) {
                if (!seen.add(u)) {
                    throw new IllegalStateException("parent_unit chain of unit " + unit + " loops: " + seen);
                }
            }
        }
    }

    /**
     * @param ancestor a unit code
     * @param unit another unit code
     * @return true when {@code unit} is {@code ancestor} or lies below it
     */
    public boolean within(String ancestor, String unit) {
        if (ancestor == null || unit == null) {
            return false;
        }
        for (String u = unit; u != null; u = parentOf.get(u)) {
            if (u.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** @return {@code root} and every known unit below it. */
    public Set<String> subtree(String root) {
        Set<String> out = new LinkedHashSet<>();
        out.add(root);
        // every unit with a parent is also in nameOf (the constructor names each row's unit first)
        for (String u : nameOf.keySet()) {
            if (within(root, u)) {
                out.add(u);
            }
        }
        return out;
    }

    /** @return every unit code the identity maps name (with their parents), in file order. */
    public Set<String> units() {
        Set<String> out = new LinkedHashSet<>(nameOf.keySet());
        out.addAll(parentOf.values());
        return out;
    }

    /** @return the parent of a unit, or null for a root or an unknown unit. */
    public String parent(String unit) {
        return parentOf.get(unit);
    }

    /** @return the unit's name as the identity map prints it, or the code. */
    public String name(String unit) {
        String n = nameOf.get(unit);
        return n == null || n.isBlank() ? unit : n;
    }
}
