// The catalog engine bundle (dist/catalog-engine.js): credentials, signer and client, loaded on first use.
export {};
