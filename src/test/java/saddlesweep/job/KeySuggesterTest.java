package saddlesweep.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeySuggesterTest {

    @Test
    void levenshteinDistance() {
        assertEquals(3, KeySuggester.distance("kitten", "sitting"));
        assertEquals(0, KeySuggester.distance("eta", "eta"));
        assertEquals(1, KeySuggester.distance("hiden", "hidden"));
        assertEquals(6, KeySuggester.distance("", "sigma2"));
    }

    @Test
    void suggestsCloseKeysAndPrefixes() {
        assertEquals("hidden", KeySuggester.suggest("hiden", JobKeys.TOP));
        assertEquals("sigma2", KeySuggester.suggest("Sigma", JobKeys.TOP));
        assertEquals("init_seed", KeySuggester.suggest("init_seeds", JobKeys.TOP));
        assertEquals("records_per_decade", KeySuggester.suggest("records", JobKeys.TRAINING_KEYS));
        assertEquals("count", KeySuggester.suggest("cnt", JobKeys.RANGE_KEYS));
    }

    @Test
    void noSuggestionForUnrelatedKeys() {
        assertNull(KeySuggester.suggest("colour", JobKeys.TOP));
        // a one-letter key is not "close" to the one-letter key n
        assertNull(KeySuggester.suggest("x", JobKeys.TOP));
    }
}
