// Run once by the mongo-init service (mongosh): initiates the replica set rs0 and creates the
// application user with readWrite on the vicinato database. Safe to run again.
const members = ['mongo1:27017', 'mongo2:27017', 'mongo3:27017'].map((host, i) => ({ _id: i, host }));
try {
  rs.status();
} catch {
  rs.initiate({ _id: 'rs0', members });
}
while (!db.hello().isWritablePrimary) sleep(1000);
const app = db.getSiblingDB('vicinato');
if (!app.getUser('vicinato')) {
  app.createUser({ user: 'vicinato', pwd: process.env.MONGO_APP_PASSWORD, roles: [{ role: 'readWrite', db: 'vicinato' }] });
}
print('replica set rs0 and user vicinato ready');
