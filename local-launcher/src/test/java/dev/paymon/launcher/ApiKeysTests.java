package dev.paymon.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ApiKeysTests {

    @Test
    void hashIsTheSha256OfTheUtf8BytesInLowercaseHexAsSha256sumPrintsIt() {
        // FIPS 180-2 test vectors; `printf %s abc | sha256sum` prints the same digest.
        assertThat(ApiKeys.hash("abc"))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ApiKeys.hash(""))
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        // UTF-8 whatever the platform charset: "\u00e9" is the bytes c3 a9 (`printf %s é | sha256sum`).
        assertThat(ApiKeys.hash("\u00e9"))
                .isEqualTo("sha256:4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void generatedKeysArePkAnd43Base64UrlCharactersAndNeverRepeat() {
        Set<String> keys = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> keys.add(ApiKeys.generate()));

        assertThat(keys).hasSize(200).allMatch(key -> key.matches("pk_[A-Za-z0-9_-]{43}"));
        assertThat(keys).extracting(ApiKeys::hash).allMatch(hash -> hash.matches("sha256:[0-9a-f]{64}"));
    }
}
