package io.kforge.kconfig;

import io.kforge.core.spi.Place;
import java.util.List;
import java.util.Optional;

/**
 * A {@code choice} block: bool members of which exactly one is {@code y} while the choice is visible.
 *
 * @param place where the block starts
 * @param prompt its prompt
 * @param dependency the enclosing conditions and the choice's own {@code depends on}
 * @param members the member symbols, in the order they are written
 * @param defaults the choice's {@code default} lines, each naming a member
 */
public record Choice(Place place, Optional<String> prompt, Expr dependency, List<String> members,
                     List<Property> defaults) {

    /** Copies the lists. */
    public Choice {
        members = List.copyOf(members);
        defaults = List.copyOf(defaults);
    }
}
