// Runs first thing in <body> (the CSP allows no inline script): tells the NHS.UK styles that
// JavaScript is on, exactly as the design system's page template does inline.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
