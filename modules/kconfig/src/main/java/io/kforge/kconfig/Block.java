package io.kforge.kconfig;

import io.kforge.core.spi.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An open {@code menu}, {@code if} or {@code choice} block (or the top level), with the conditions it passes on to
 * everything inside it.
 */
final class Block {

    /** The kinds of block. */
    enum Kind { TOP, MENU, IF, CHOICE }

    final Kind kind;
    final Place place;
    private final Block parent;
    private Expr ownDependency;
    private Expr ownVisibility = Expr.YES;
    private final EntryBuilder choice;
    /** The member symbols, when this is a choice block. */
    final List<String> members = new ArrayList<>();

    Block(Kind kind, Place place, Block parent, Expr dependency, EntryBuilder choice) {
        this.kind = kind;
        this.place = place;
        this.parent = parent;
        this.ownDependency = dependency;
        this.choice = choice;
    }

    static Block top(Place place) {
        return new Block(Kind.TOP, place, null, Expr.YES, null);
    }

    /** Adds a {@code depends on} of the block itself (a menu's or a choice's). */
    void dependsOn(Expr condition) {
        ownDependency = Expr.and(ownDependency, condition);
    }

    /** Adds a menu's {@code visible if}. */
    void visibleIf(Expr condition) {
        ownVisibility = Expr.and(ownVisibility, condition);
    }

    /**
     * Returns the dependency everything inside inherits.
     *
     * @return the enclosing blocks' dependencies and this one's
     */
    Expr dependency() {
        return parent == null ? ownDependency : Expr.and(parent.dependency(), ownDependency);
    }

    /**
     * Returns the {@code visible if} conditions of this and the enclosing menus.
     *
     * @return the visibility prompts inside inherit
     */
    Expr visibility() {
        return parent == null ? ownVisibility : Expr.and(parent.visibility(), ownVisibility);
    }

    /**
     * Returns the innermost enclosing choice.
     *
     * @return the choice's builder, empty outside any choice
     */
    Optional<EntryBuilder> choice() {
        if (choice != null) {
            return Optional.of(choice);
        }
        return parent == null ? Optional.empty() : parent.choice();
    }

    /**
     * Returns the innermost enclosing choice block, where members are collected.
     *
     * @return the block, empty outside any choice
     */
    Optional<Block> choiceBlock() {
        if (kind == Kind.CHOICE) {
            return Optional.of(this);
        }
        return parent == null ? Optional.empty() : parent.choiceBlock();
    }
}
