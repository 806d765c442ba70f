package io.kforge.kconfig;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a tree's Kconfig files from the top {@code Kconfig}, following {@code source} lines, into symbols and
 * choices. The grammar is the kernel's ({@code scripts/kconfig/parser.y}); a statement it does not know is an error
 * naming file and line.
 */
final class KconfigParser {

    private static final Pattern ASSIGNMENT = Pattern.compile("\\s*([A-Za-z0-9_-]+)\\s*(:=|\\+=|=)\\s*(.*)");

    private final Path root;
    private final Preprocessor macros;
    private final Lexer lexer;
    private final Deque<Block> blocks = new ArrayDeque<>();
    private final Map<String, List<SymbolEntry>> entries = new LinkedHashMap<>();
    private final Map<String, SymbolType> types = new LinkedHashMap<>();
    private final List<Choice> choices = new ArrayList<>();
    private final List<Path> sourced = new ArrayList<>();
    private EntryBuilder current;
    private String modules = "MODULES";

    private KconfigParser(Path root, Map<String, String> environment) {
        this.root = root;
        this.macros = new Preprocessor(environment);
        this.lexer = new Lexer(macros);
    }

    /**
     * Parses a tree.
     *
     * @param root the tree's top folder
     * @param environment the variables {@code make} passes to Kconfig ({@code SRCARCH}, {@code ARCH}...)
     * @param version the tree's kernel version
     * @param arch the {@code ARCH} value
     * @return the symbols, choices and files read
     */
    static KconfigTree parse(Path root, Map<String, String> environment, String version, String arch) {
        var parser = new KconfigParser(root, environment);
        parser.blocks.push(Block.top(new Place(Path.of("Kconfig"), 1)));
        parser.file(Path.of("Kconfig"), Optional.empty());
        parser.finishEntry();
        if (parser.blocks.size() != 1) {
            var open = parser.blocks.peek();
            throw new InvalidInputException(open.place + ": " + open.kind.name().toLowerCase() + " is never closed");
        }
        var symbols = new LinkedHashMap<String, KconfigSymbol>();
        parser.entries.forEach((name, list) -> symbols.put(name,
                new KconfigSymbol(name, parser.types.getOrDefault(name, SymbolType.UNKNOWN), list)));
        return new KconfigTree(root, version, arch, symbols, parser.choices, parser.modules, parser.sourced.size());
    }

    private void file(Path relative, Optional<Place> from) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(relative));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(from.map(p -> p + ": ").orElse("") + "cannot find the Kconfig file "
                    + root.resolve(relative));
        } catch (IOException e) {
            throw new KforgeException("cannot read " + root.resolve(relative) + ": " + e.getMessage(), e);
        }
        sourced.add(relative);
        var i = 0;
        while (i < lines.size()) {
            var first = i;
            var text = new StringBuilder(lines.get(i));
            while (text.length() > 0 && text.charAt(text.length() - 1) == '\\' && i + 1 < lines.size()) {
                text.setLength(text.length() - 1);
                text.append(lines.get(++i));
            }
            i++;
            var place = new Place(relative, first + 1);
            macros.at(place);
            if (statement(text.toString(), place)) {
                i = help(lines, i);
            }
        }
    }

    /** Handles one statement; returns true when a help text follows. */
    private boolean statement(String line, Place place) {
        var assignment = ASSIGNMENT.matcher(line);
        if (assignment.matches() && !line.stripLeading().startsWith("#")) {
            finishEntry();
            macros.assign(assignment.group(1), assignment.group(2), assignment.group(3));
            return false;
        }
        var tokens = lexer.tokens(line);
        if (tokens.isEmpty()) {
            return false;
        }
        var keyword = tokens.getFirst();
        if (keyword.kind() != Token.Kind.WORD) {
            throw new InvalidInputException(place + ": a statement cannot start with '" + keyword.text() + "'");
        }
        var rest = tokens.subList(1, tokens.size());
        switch (keyword.text()) {
            case "config", "menuconfig" -> startEntry(EntryBuilder.Kind.CONFIG, word(rest, place), place);
            case "choice" -> startChoice(place);
            case "endchoice" -> end(Block.Kind.CHOICE, place);
            case "menu" -> startMenu(place);
            case "endmenu" -> end(Block.Kind.MENU, place);
            case "if" -> startIf(rest, place);
            case "endif" -> end(Block.Kind.IF, place);
            case "comment" -> startEntry(EntryBuilder.Kind.COMMENT, "", place);
            case "mainmenu" -> finishEntry();
            case "source" -> source(rest, place);
            default -> {
                return option(keyword.text(), rest, place);
            }
        }
        return false;
    }

    private boolean option(String keyword, List<Token> rest, Place place) {
        if (current == null) {
            throw new InvalidInputException(place + ": unknown statement \"" + keyword + "\"");
        }
        switch (keyword) {
            case "bool", "boolean", "tristate", "int", "hex", "string" -> typed(keyword, rest, place);
            case "prompt" -> prompt(rest, place);
            case "default" -> defaultLine(rest, place, Optional.empty());
            case "def_bool" -> defaultLine(rest, place, Optional.of(SymbolType.BOOL));
            case "def_tristate" -> defaultLine(rest, place, Optional.of(SymbolType.TRISTATE));
            case "depends" -> depends(rest, place);
            case "visible" -> visible(rest, place);
            case "select", "imply" -> reverse(keyword, rest, place);
            case "range" -> range(rest, place);
            case "help", "---help---" -> {
                return true;
            }
            case "modules" -> modules = current.name;
            case "transitional" -> current.transitional = true;
            case "option" -> {
                if (!rest.isEmpty() && rest.getFirst().is("modules")) {
                    modules = current.name;
                }
            }
            case "optional" -> { }
            default -> throw new InvalidInputException(place + ": unknown option \"" + keyword + "\"");
        }
        return false;
    }

    private void startEntry(EntryBuilder.Kind kind, String name, Place place) {
        finishEntry();
        current = new EntryBuilder(kind, name, place, blocks.peek());
    }

    private void startChoice(Place place) {
        finishEntry();
        var choice = new EntryBuilder(EntryBuilder.Kind.CHOICE, "", place, blocks.peek());
        choice.type = SymbolType.BOOL;
        blocks.push(new Block(Block.Kind.CHOICE, place, blocks.peek(), Expr.YES, choice));
        current = choice;
    }

    private void startMenu(Place place) {
        finishEntry();
        current = new EntryBuilder(EntryBuilder.Kind.MENU, "", place, blocks.peek());
        blocks.push(new Block(Block.Kind.MENU, place, blocks.peek(), Expr.YES, null));
    }

    private void startIf(List<Token> rest, Place place) {
        finishEntry();
        blocks.push(new Block(Block.Kind.IF, place, blocks.peek(), ExprParser.parse(rest, place), null));
    }

    private void end(Block.Kind kind, Place place) {
        finishEntry();
        var open = blocks.peek();
        if (open.kind != kind) {
            throw new InvalidInputException(place + ": 'end" + kind.name().toLowerCase() + "' closes the "
                    + open.kind.name().toLowerCase() + " opened at " + open.place);
        }
        if (!open.place.file().equals(place.file())) {
            throw new InvalidInputException(place + ": 'end" + kind.name().toLowerCase()
                    + "' in a different file than the block opened at " + open.place);
        }
        blocks.pop();
        if (kind == Block.Kind.CHOICE) {
            choices.add(open.choice().orElseThrow().toChoice(open.members));
        }
    }

    private void source(List<Token> rest, Place place) {
        finishEntry();
        if (rest.size() != 1 || rest.getFirst().kind() != Token.Kind.STRING) {
            throw new InvalidInputException(place + ": source needs one quoted file name");
        }
        var name = rest.getFirst().text();
        if (name.contains("?")) {
            throw new InvalidInputException(place + ": cannot resolve the file name '" + name + "'");
        }
        var path = Path.of(name);
        if (path.isAbsolute()) {
            path = root.relativize(path);
        }
        file(path, Optional.of(place));
        macros.at(place);
    }

    private void typed(String keyword, List<Token> rest, Place place) {
        setType(switch (keyword) {
            case "bool", "boolean" -> SymbolType.BOOL;
            case "tristate" -> SymbolType.TRISTATE;
            case "int" -> SymbolType.INT;
            case "hex" -> SymbolType.HEX;
            default -> SymbolType.STRING;
        });
        if (!rest.isEmpty()) {
            prompt(rest, place);
        }
    }

    private void prompt(List<Token> rest, Place place) {
        if (rest.isEmpty() || rest.getFirst().kind() != Token.Kind.STRING) {
            throw new InvalidInputException(place + ": a prompt must be a quoted string");
        }
        current.prompt = Optional.of(rest.getFirst().text().strip());
        current.promptCondition = condition(rest.subList(1, rest.size()), place);
    }

    private void defaultLine(List<Token> rest, Place place, Optional<SymbolType> type) {
        type.ifPresent(this::setType);
        var split = ifIndex(rest);
        current.addDefault(ExprParser.parse(rest.subList(0, split), place),
                condition(rest.subList(split, rest.size()), place), place);
    }

    private void depends(List<Token> rest, Place place) {
        if (rest.isEmpty() || !rest.getFirst().is("on")) {
            throw new InvalidInputException(place + ": expected 'depends on'");
        }
        var condition = ExprParser.parse(rest.subList(1, rest.size()), place);
        current.dependsOn(condition);
        if (current.kind != EntryBuilder.Kind.CONFIG && current.kind != EntryBuilder.Kind.COMMENT) {
            blocks.peek().dependsOn(condition);
        }
    }

    private void visible(List<Token> rest, Place place) {
        if (current.kind != EntryBuilder.Kind.MENU) {
            throw new InvalidInputException(place + ": 'visible if' is only allowed in a menu");
        }
        blocks.peek().visibleIf(condition(rest, place));
    }

    private void reverse(String keyword, List<Token> rest, Place place) {
        var split = ifIndex(rest);
        var target = word(rest.subList(0, split), place);
        var condition = condition(rest.subList(split, rest.size()), place);
        if (keyword.equals("select")) {
            current.addSelect(target, condition, place);
        } else {
            current.addImply(target, condition, place);
        }
    }

    private void range(List<Token> rest, Place place) {
        var split = ifIndex(rest);
        if (split != 2) {
            throw new InvalidInputException(place + ": range needs two bounds");
        }
        current.addRange(ExprParser.parse(rest.subList(0, 1), place), ExprParser.parse(rest.subList(1, 2), place),
                condition(rest.subList(split, rest.size()), place), place);
    }

    private void setType(SymbolType type) {
        if (current.kind == EntryBuilder.Kind.CONFIG) {
            types.putIfAbsent(current.name, type);
        }
        if (current.type == SymbolType.UNKNOWN) {
            current.type = type;
        }
    }

    private void finishEntry() {
        if (current == null) {
            return;
        }
        if (current.kind == EntryBuilder.Kind.CONFIG) {
            entries.computeIfAbsent(current.name, k -> new ArrayList<>()).add(current.toEntry());
            current.parent.choiceBlock().ifPresent(choice -> {
                if (!choice.members.contains(current.name)) {
                    choice.members.add(current.name);
                }
            });
        }
        current = null;
    }

    private int help(List<String> lines, int start) {
        var text = new StringBuilder();
        var indent = -1;
        var i = start;
        for (; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.isBlank()) {
                text.append('\n');
                continue;
            }
            var width = indentation(line);
            if (width == 0 || indent >= 0 && width < indent) {
                break;
            }
            if (indent < 0) {
                indent = width;
            }
            text.append(line.strip()).append('\n');
        }
        var help = text.toString().strip();
        if (current != null && !help.isEmpty()) {
            current.help = Optional.of(help);
        }
        return i;
    }

    private static int indentation(String line) {
        var width = 0;
        for (int i = 0; i < line.length(); i++) {
            var c = line.charAt(i);
            if (c == '\t') {
                width = (width & ~7) + 8;
            } else if (c == ' ') {
                width++;
            } else {
                break;
            }
        }
        return width;
    }

    private static int ifIndex(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Token.Kind.WORD && tokens.get(i).text().equals("if")) {
                return i;
            }
        }
        return tokens.size();
    }

    private static Expr condition(List<Token> tokens, Place place) {
        if (tokens.isEmpty()) {
            return Expr.YES;
        }
        if (!tokens.getFirst().is("if")) {
            throw new InvalidInputException(place + ": expected 'if' but found '" + tokens.getFirst().text() + "'");
        }
        return ExprParser.parse(tokens.subList(1, tokens.size()), place);
    }

    private static String word(List<Token> tokens, Place place) {
        if (tokens.size() != 1 || tokens.getFirst().kind() != Token.Kind.WORD) {
            throw new InvalidInputException(place + ": expected one symbol name");
        }
        return tokens.getFirst().text();
    }
}
