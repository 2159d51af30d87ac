package org.hoptrace.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the form post, the error ({@code ?error}) and logout ({@code ?logout}). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
