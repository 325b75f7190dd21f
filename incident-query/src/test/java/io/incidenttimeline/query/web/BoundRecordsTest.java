package io.incidenttimeline.query.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.incidenttimeline.query.IncidentQueryApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that Spring MVC binds from request parameters (a handler's parameter of a
 * record type without {@code @RequestBody}, {@code @PathVariable} or the like) declare
 * their canonical constructor in full, without annotations on its parameters: Spring
 * builds them through that constructor on every request and re-reads its parameters'
 * annotations each time, which for a compact constructor (carrying the components'
 * constraints) cost 87 instead of 12 µs per binding.
 */
class BoundRecordsTest {

	@Test
	void recordsBoundFromRequestParametersHaveUnannotatedConstructors() throws Exception {
		Set<Class<?>> bound = boundRecords();
		assertThat(bound).as("records bound from request parameters").hasSizeGreaterThanOrEqualTo(5);
		for (Class<?> type : bound) {
			Class<?>[] components = Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			Constructor<?> canonical = type.getDeclaredConstructor(components);
			assertThat(Arrays.stream(canonical.getParameterAnnotations()).flatMap(Arrays::stream).toList())
				.as("annotations on %s's constructor parameters", type)
				.isEmpty();
		}
	}

	private static Set<Class<?>> boundRecords() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		Set<Class<?>> bound = new LinkedHashSet<>();
		for (BeanDefinition controller : scanner
			.findCandidateComponents(IncidentQueryApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.forName(controller.getBeanClassName(), BoundRecordsTest.class.getClassLoader());
			for (Method method : type.getDeclaredMethods()) {
				if (!AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
					continue;
				}
				for (Parameter parameter : method.getParameters()) {
					if (parameter.getType().isRecord() && !boundOtherwise(parameter)) {
						bound.add(parameter.getType());
					}
				}
			}
		}
		return bound;
	}

	private static boolean boundOtherwise(Parameter parameter) {
		for (Annotation annotation : parameter.getAnnotations()) {
			String name = annotation.annotationType().getName();
			if (name.startsWith("org.springframework.web.bind.annotation.")
					|| name.startsWith("org.springframework.security.core.annotation.")) {
				return true;
			}
		}
		return false;
	}

}
