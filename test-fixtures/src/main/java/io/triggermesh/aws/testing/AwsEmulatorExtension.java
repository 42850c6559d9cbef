package io.triggermesh.aws.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(AwsEmulatorExtension.class)}: injects the JVM-wide {@link AwsEmulator} into constructors,
 * lifecycle and test methods. The emulator outlives the test class; it stops when the JVM exits.
 *
 * <p>Without an emulator the tests are skipped with a message saying what to install, or fail when
 * {@code CI=true}. That is decided here, as an execution condition, because JUnit reports an exception thrown
 * while resolving a parameter as a failure even when it is an aborted assumption.
 */
public final class AwsEmulatorExtension implements ExecutionCondition, ParameterResolver {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        EmulatorResolution resolution = SharedEmulator.RESOLUTION;
        if (resolution instanceof EmulatorResolution.Unavailable unavailable && !unavailable.ci()) {
            return ConditionEvaluationResult.disabled(unavailable.message());
        }
        // Throws in CI and when the chosen emulator is broken, failing the test or class with the reason.
        return ConditionEvaluationResult.enabled("AWS emulator: " + resolution.emulatorOrAbort());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == AwsEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SharedEmulator.RESOLUTION.emulatorOrAbort();
    }
}
