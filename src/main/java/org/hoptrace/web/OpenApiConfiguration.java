package org.hoptrace.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}: every API operation takes HTTP Basic credentials. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BASIC = "basicAuth";

    @Bean
    OpenAPI hoptraceOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development";
        return new OpenAPI()
                .info(new Info().title("Hoptrace API").version(version)
                        .description("Robocall traceback service. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BASIC,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
