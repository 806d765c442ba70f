package io.kforge.kconfig;

/**
 * The edit distance between two symbol names, for suggesting the names closest to one that does not exist.
 */
final class NameDistance {

    private NameDistance() {
    }

    /**
     * Computes the Levenshtein distance, giving up early past a bound.
     *
     * @param a one name
     * @param b the other name
     * @param bound the largest distance of interest
     * @return the distance, or a value above {@code bound} when it is larger
     */
    static int between(String a, String b, int bound) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            var rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum > bound) {
                return bound + 1;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
