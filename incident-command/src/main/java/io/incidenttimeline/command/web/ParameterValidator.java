package io.incidenttimeline.command.web;

import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Bean Validation for Spring MVC, including single values. Spring validates the other
 * arguments of a parameter record one at a time when one of them failed to convert, so
 * that every bad parameter is reported at once; Boot's own MVC validator (Boot 4.1.1)
 * does not pass single values on, and a client would hear of a bad {@code limit} only
 * after fixing a bad {@code since}. Not a {@code jakarta.validation.Validator} itself, so
 * Boot uses it as it is.
 */
final class ParameterValidator implements SmartValidator {

	private final SpringValidatorAdapter target;

	ParameterValidator(jakarta.validation.Validator validator) {
		this.target = new SpringValidatorAdapter(validator);
	}

	@Override
	public boolean supports(Class<?> type) {
		return this.target.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		this.target.validate(target, errors);
	}

	@Override
	public void validate(Object target, Errors errors, Object... validationHints) {
		this.target.validate(target, errors, validationHints);
	}

	@Override
	public void validateValue(Class<?> targetType, String fieldName, Object value, Errors errors,
			Object... validationHints) {
		this.target.validateValue(targetType, fieldName, value, errors, validationHints);
	}

}
