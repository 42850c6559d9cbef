package io.triggermesh.aws.adapter.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void valuesOutsidePrintableAsciiArePercentEncodedAsTheHttpBindingRequires() {
        assertThat(HeaderValues.encode("dir/a b\"100%\"/ü€😀.txt"))
                .isEqualTo("dir/a%20b%22100%25%22/%C3%BC%E2%82%AC%F0%9F%98%80.txt");
    }

    @Test
    void printableAsciiPassesUnchanged() {
        assertThat(HeaderValues.encode("dir/a+b=c.txt")).isEqualTo("dir/a+b=c.txt");
    }

    @Test
    void decodingReversesEncodingAndKeepsMalformedEscapes() {
        String value = "dir/a b\"100%\"/ü€😀.txt";
        assertThat(HeaderValues.decode(HeaderValues.encode(value))).isEqualTo(value);
        assertThat(HeaderValues.decode("50%zz and 7%")).isEqualTo("50%zz and 7%");
        assertThat(HeaderValues.decode("a+b")).isEqualTo("a+b");
    }
}
