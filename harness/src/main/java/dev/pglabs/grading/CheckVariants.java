package dev.pglabs.grading;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

/** Turns each {@link Check} method into one JUnit invocation per {@link CheckVariant}, in order. */
final class CheckVariants implements TestTemplateInvocationContextProvider {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CheckVariants.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Check.class)).isPresent();
    }

    /** A hidden check in a run of the visible checks has no run at all (it is counted, not reported). */
    @Override
    public boolean mayReturnZeroTestTemplateInvocationContexts(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Check check = AnnotationSupport.findAnnotation(method, Check.class).orElseThrow();
        return of(method, check, CheckScope.of(context)).stream().map(variant -> new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return context.getDisplayName() + variant.titleSuffix();
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of((BeforeEachCallback) c -> c.getStore(NAMESPACE).put(CheckVariant.class, variant));
            }
        });
    }

    static List<CheckVariant> of(Method method, Check check, CheckScope scope) {
        return CheckVariant.of(check, method.getName(), scope);
    }

    /** The variant of the check running in this context (its dataset decides the check's database). */
    static CheckVariant current(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(CheckVariant.class, CheckVariant.class);
    }
}
