package dev.paymon.systemtest.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a check found wrong, each with the first offending ids. */
final class Problems {

    private static final int SHOWN = 10;
    private final List<String> found = new ArrayList<>();

    /** Records a problem when {@code offending} is not empty. */
    void unless(Collection<?> offending, String what) {
        if (!offending.isEmpty()) {
            List<String> first = offending.stream().limit(SHOWN).map(String::valueOf).toList();
            found.add(what + ": " + offending.size() + (offending.size() > SHOWN ? ", first " + SHOWN : "") + ": "
                    + String.join(", ", first));
        }
    }

    void add(String problem) {
        found.add(problem);
    }

    List<String> list() {
        return List.copyOf(found);
    }
}
