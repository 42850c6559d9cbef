package io.triggermesh.aws.spi.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void hexIsTheStandardDigestOfTheUtf8Bytes() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void partsAreEachFollowedByANulSoTheirBoundariesCount() {
        assertThat(Sha256.hexOfParts("abc")).isEqualTo(Sha256.hex("abc\0"));
        assertThat(Sha256.hexOfParts("ab", "c")).isEqualTo(Sha256.hex("ab\0c\0"))
                .isNotEqualTo(Sha256.hexOfParts("a", "bc"));
    }
}
