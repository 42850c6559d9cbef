package io.triggermesh.aws.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldSuggestionsTest {

    @Test
    void suggestsAKnownFieldThatDiffersByCaseOrOneEdit() {
        assertThat(FieldSuggestions.suggest("roleARN", KnownFields.IAM)).contains("roleArn");
        assertThat(FieldSuggestions.suggest("accessKeyId", KnownFields.CREDENTIALS)).contains("accessKeyID");
        assertThat(FieldSuggestions.suggest("serviceAcount", KnownFields.IAM)).contains("serviceAccount");
        assertThat(FieldSuggestions.suggest("roleArns", KnownFields.IAM)).contains("roleArn");
        assertThat(FieldSuggestions.suggest("rloeArn", KnownFields.IAM)).contains("roleArn");
        assertThat(FieldSuggestions.suggest("valeu", KnownFields.VALUE_SOURCE)).contains("value");
        assertThat(FieldSuggestions.suggest("secretKeyRef", KnownFields.VALUE_SOURCE)).contains("valueFromSecret");
    }

    @Test
    void suggestsNothingForUnrelatedNames() {
        assertThat(FieldSuggestions.suggest("colour", KnownFields.IAM)).isEmpty();
        assertThat(FieldSuggestions.suggest("rolArns", KnownFields.IAM)).isEmpty();
        assertThat(FieldSuggestions.suggest("AKIAIOSFODNN7EXAMPLE", KnownFields.VALUE_SOURCE)).isEmpty();
    }

    @Test
    void oneEditMeansOneInsertionDeletionSubstitutionOrSwap() {
        assertThat(FieldSuggestions.withinOneEdit("abc", "abc")).isTrue();
        assertThat(FieldSuggestions.withinOneEdit("abc", "abxc")).isTrue();
        assertThat(FieldSuggestions.withinOneEdit("abc", "ab")).isTrue();
        assertThat(FieldSuggestions.withinOneEdit("abc", "axc")).isTrue();
        assertThat(FieldSuggestions.withinOneEdit("abc", "bac")).isTrue();
        assertThat(FieldSuggestions.withinOneEdit("abc", "xyc")).isFalse();
        assertThat(FieldSuggestions.withinOneEdit("abc", "a")).isFalse();
        assertThat(FieldSuggestions.withinOneEdit("abcd", "badc")).isFalse();
    }
}
