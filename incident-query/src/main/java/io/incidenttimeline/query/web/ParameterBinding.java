package io.incidenttimeline.query.web;

import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Validates parameter records with the Bean Validation validator itself. Spring Boot's
 * adapter around it cannot validate a single value, which Spring MVC asks for when one
 * parameter of a record did not convert: with the adapter the other parameters would go
 * unchecked and a request with several mistakes would hear of only some of them.
 */
@ControllerAdvice
class ParameterBinding {

	private final LocalValidatorFactoryBean validator;

	ParameterBinding(LocalValidatorFactoryBean validator) {
		this.validator = validator;
	}

	@InitBinder
	void validateEveryParameter(WebDataBinder binder) {
		binder.replaceValidators(this.validator);
	}

}
