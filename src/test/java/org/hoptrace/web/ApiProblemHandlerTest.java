package org.hoptrace.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.hoptrace.workflow.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ApiProblemHandlerTest {

    record NewHop(@NotBlank String provider, @Positive int sequence) {
    }

    @RestController
    static class ProbeController {

        @PostMapping("/api/v1/hops")
        NewHop create(@Valid @RequestBody NewHop hop) {
            return hop;
        }

        @GetMapping("/api/v1/hops/42")
        NewHop missing() {
            throw new NotFoundException("Hop 42 does not exist");
        }

        @PostMapping("/api/v1/hops/duplicate")
        NewHop duplicate() {
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint \"hop_pkey\"");
        }

        @GetMapping("/api/v1/hops/broken")
        NewHop broken() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/broken-page")
        String brokenPage() {
            throw new IllegalStateException("secret internals");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ProbeController())
            .setControllerAdvice(new ApiProblemHandler())
            .build();

    @Test
    void invalidRequestBodyIsA400ProblemListingEachField() throws Exception {
        mvc.perform(post("/api/v1/hops").contentType(MediaType.APPLICATION_JSON).content("{\"provider\":\"\",\"sequence\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hoptrace.org/problems/validation-failed"))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[?(@.field == 'provider')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'sequence')]").exists());
    }

    @Test
    void unreadableJsonIsA400Problem() throws Exception {
        mvc.perform(post("/api/v1/hops").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hoptrace.org/problems/bad-request"))
                .andExpect(jsonPath("$.title").value("Bad Request"));
    }

    @Test
    void unknownEntityIsA404ProblemWithTheReason() throws Exception {
        mvc.perform(get("/api/v1/hops/42"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hoptrace.org/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("Hop 42 does not exist"));
    }

    @Test
    void conflictingChangeIsA409ProblemWithoutDatabaseDetails() throws Exception {
        mvc.perform(post("/api/v1/hops/duplicate"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hoptrace.org/problems/conflict"))
                .andExpect(content().string(not(containsString("hop_pkey"))));
    }

    @Test
    void unexpectedFailureIsA500ProblemWithAReferenceButNoInternals() throws Exception {
        mvc.perform(get("/api/v1/hops/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hoptrace.org/problems/internal-error"))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.reference").isNotEmpty())
                .andExpect(content().string(not(containsString("secret internals"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        mvc.perform(get("/api/v1/hops"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hoptrace.org/problems/method-not-allowed"));
    }

    @Test
    void consoleFailureIsLeftToTheErrorPage() throws Exception {
        mvc.perform(get("/broken-page"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(""));
    }
}
